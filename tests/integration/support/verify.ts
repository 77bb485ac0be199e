import { expect } from "vitest";
import type { ConsoleView, ParticipantView } from "@/lib/protocol/views";
import { query } from "./database";
import { must, type ClientSocket } from "./live";
import { Participant, type Endpoint } from "./phones";

/** The guarantees every fault test checks once the fault is over and every phone has resent what
 *  it had pending (Participant.reconnectAndResend), so each card's newest move was acknowledged. */

type Stored = Map<string, { column: string | null; seq: number }>;

interface Room {
  server: Endpoint;
  databaseUrl: string;
  workshopId: string;
  round?: number;
  participants: Participant[];
  /** The facilitator's console socket, connected to `server`. */
  staff: ClientSocket;
}

/** Rows in `placements` per participant for one round; fails on a card stored twice. */
async function storedPlacements(databaseUrl: string, workshopId: string, round: number): Promise<Map<string, Stored>> {
  const rows = await query<{ participant_id: string; statement_key: string; column: string | null; seq: number; copies: string }>(
    databaseUrl,
    `SELECT participant_id::text, statement_key, "column", seq,
            count(*) OVER (PARTITION BY participant_id, round, statement_key) AS copies
     FROM placements WHERE workshop_id = $1 AND round = $2`,
    [workshopId, round],
  );
  expect(rows.filter((r) => Number(r.copies) !== 1)).toEqual([]);
  const stored = new Map<string, Stored>();
  for (const r of rows) {
    if (!stored.has(r.participant_id)) stored.set(r.participant_id, new Map());
    stored.get(r.participant_id)!.set(r.statement_key, { column: r.column, seq: r.seq });
  }
  return stored;
}

const asStored = (moves: Map<string, { column: string | null; seq: number }>): Stored =>
  new Map([...moves].map(([card, m]) => [card, { column: m.column, seq: m.seq }]));

/** Every acknowledged placement is in Postgres exactly once, with the column of its newest
 *  acknowledged move, and no acknowledged move was overwritten by an older one; every phone's view
 *  after a reconnect equals the database; the console's tally equals a SQL aggregate. */
export async function expectRoomMatchesDatabase(room: Room): Promise<void> {
  const round = room.round ?? 1;
  const stored = await storedPlacements(room.databaseUrl, room.workshopId, round);

  for (const p of room.participants) {
    expect(p.pending(), `${p.nickname} still has unacknowledged moves`).toEqual([]);
    const mine = stored.get(p.id) ?? new Map();
    expect(mine, `${p.nickname}: stored placements`).toEqual(asStored(Participant.latest(p.acked)));
    const overwritten = p.acked.filter((m) => mine.get(m.statementId)!.seq < m.seq);
    expect(overwritten, `${p.nickname}: acknowledged moves overwritten by older ones`).toEqual([]);
  }

  for (const p of room.participants) {
    const socket = await p.open(room.server);
    try {
      const view = await must<ParticipantView>(socket, "participant:sync");
      const mine = stored.get(p.id) ?? new Map();
      expect(asStored(new Map(view.placements.map((v) => [v.statementId, v]))), `${p.nickname}: view after reconnect`).toEqual(mine);
      expect(view.lastSeq).toBe(Math.max(0, ...[...mine.values()].map((m) => m.seq)));
    } finally {
      socket.close();
    }
  }

  const consoleView = await must<ConsoleView>(room.staff, "facilitator:sync");
  const counts = await query<{ statement_key: string; column: string; n: string }>(
    room.databaseUrl,
    `SELECT pl.statement_key, pl."column", count(*) AS n
     FROM placements pl JOIN participants p ON p.id = pl.participant_id
     WHERE pl.workshop_id = $1 AND pl.round = $2 AND pl."column" IS NOT NULL AND NOT p.kicked
     GROUP BY pl.statement_key, pl."column"`,
    [room.workshopId, round],
  );
  const n = new Map(counts.map((c) => [`${c.statement_key}|${c.column}`, Number(c.n)]));
  const expected = consoleView.session.statements.map((s) => consoleView.session.columns.map((c) => n.get(`${s.id}|${c.id}`) ?? 0));
  expect(consoleView.tally.counts).toEqual(expected);
  expect(consoleView.tally.counts.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
}
