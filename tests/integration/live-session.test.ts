import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import type { ConsoleView, JoinResult, ParticipantResult, ParticipantView, PlacementAck } from "@/lib/protocol/views";
import { connect, countRows, createSession, must, signedInFacilitator, withDb, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

const deck = getBuiltinDeck("leader-or-manager")!;
const canonical = new Map(deck.statements.map((s) => [s.id, s.canonical]));

describe("a live session end to end over the socket protocol", () => {
  let server: TestServer;
  let staff: ClientSocket;
  let session: { id: string; code: string };
  let cookie: string;
  const phones: { socket: ClientSocket; join: JoinResult; seq: number }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ({ cookie } = await signedInFacilitator(server, "host@example.com"));
    session = await createSession(server, cookie);
    staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
  });
  afterAll(async () => {
    for (const p of phones) p.socket.close();
    staff?.close();
    await server?.close();
  });

  it("opens the lobby and lets three phones join by code, case- and dash-insensitively", async () => {
    await must(staff, "session:openLobby");
    for (const [i, code] of [session.code, session.code.toLowerCase(), `${session.code.slice(0, 3)}-${session.code.slice(3)}`].entries()) {
      const socket = await connect(server, { role: "participant" });
      const join = await must<JoinResult>(socket, "participant:join", { code, nickname: `Phone ${i + 1}` });
      expect(join.participantToken.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url
      expect(join.view.cards).toHaveLength(deck.statements.length);
      phones.push({ socket, join, seq: 0 });
    }
    expect(await countRows(server, "participants", session.id)).toBe(3);
  });

  it("stores every acknowledged placement, including moves and take-backs", async () => {
    await must(staff, "session:start", {});
    // Phone 1: everything right. Phone 2: everything in "leader". Phone 3: first ten right, then one taken back.
    const plans: [number, (id: string, i: number) => string | null][] = [
      [0, (id) => canonical.get(id)!],
      [1, () => "leader"],
      [2, (id, i) => (i < 10 ? canonical.get(id)! : null)],
    ];
    for (const [index, plan] of plans) {
      const phone = phones[index]!;
      await Promise.all(
        deck.statements.map((s, i) => {
          const column = plan(s.id, i);
          if (column === null) return Promise.resolve();
          return must<PlacementAck>(phone.socket, "placement:set", { statementId: s.id, column, seq: ++phone.seq });
        }),
      );
    }
    // Phone 3 moves card 0 to the wrong column and back, then takes card 9 back.
    const p3 = phones[2]!;
    const first = deck.statements[0]!;
    await must(p3.socket, "placement:set", { statementId: first.id, column: first.canonical === "leader" ? "manager" : "leader", seq: ++p3.seq });
    await must(p3.socket, "placement:set", { statementId: first.id, column: first.canonical, seq: ++p3.seq });
    await must(p3.socket, "placement:set", { statementId: deck.statements[9]!.id, column: null, seq: ++p3.seq });

    const stored = await withDb(server, (c) =>
      c.query<{ nickname: string; placed: string }>(
        `SELECT p.nickname, count(pl."column") AS placed FROM participants p LEFT JOIN placements pl ON pl.participant_id = p.id
         WHERE p.workshop_id = $1 GROUP BY p.nickname ORDER BY p.nickname`,
        [session.id],
      ),
    );
    expect(stored.rows.map((r) => Number(r.placed))).toEqual([deck.statements.length, deck.statements.length, 9]);
  });

  it("brings a refreshed phone back as the same participant with every card where it was", async () => {
    const p3 = phones[2]!;
    p3.socket.close();
    const again = await connect(server, { role: "participant", participantToken: p3.join.participantToken });
    const view = await must<ParticipantView>(again, "participant:sync");
    expect(view.me.id).toBe(p3.join.view.me.id);
    expect(view.placements.filter((p) => p.column !== null)).toHaveLength(9);
    expect(view.lastSeq).toBe(p3.seq);
    expect(view.cards.map((c) => c.id)).toEqual(p3.join.view.cards.map((c) => c.id)); // same shuffled order
    p3.socket = again;
  });

  it("reveals with server-side scores equal to the canonical answers, and stores them", async () => {
    await must(phones[0]!.socket, "participant:submit");
    const results = phones.map(
      (p) => new Promise<ParticipantResult>((resolve) => p.socket.once("participant:result", resolve)),
    );
    await must(staff, "session:reveal");
    const received = await Promise.all(results);
    const expected = [deck.statements.length, deck.statements.filter((s) => s.canonical === "leader").length, 9];
    expect(received.map((r) => r.correct)).toEqual(expected);
    expect(received.every((r) => r.total === deck.statements.length)).toBe(true);
    const missed = received[2]!.cards.filter((c) => !c.correct);
    expect(missed.some((c) => c.placed === null && c.explanation.length > 0)).toBe(true);

    const scores = await withDb(server, (c) =>
      c.query<{ nickname: string; score: number; by_participant: boolean }>(
        `SELECT p.nickname, s.score, s.by_participant FROM submissions s JOIN participants p ON p.id = s.participant_id
         WHERE s.workshop_id = $1 ORDER BY p.nickname`,
        [session.id],
      ),
    );
    expect(scores.rows.map((r) => r.score)).toEqual(expected);
    expect(scores.rows.map((r) => r.by_participant)).toEqual([true, false, false]);
    const phasesStored = await withDb(server, (c) => c.query(`SELECT phase FROM phase_events WHERE workshop_id = $1 ORDER BY at, id`, [session.id]));
    expect(phasesStored.rows.map((r) => r.phase)).toEqual(["draft", "lobby", "sorting", "revealed"]);
  });

  it("counts who submitted apart from whose round was closed at reveal, also when rebuilt from the database", async () => {
    const expected = { joined: 3, submitted: 1, closedAtReveal: 2 };
    const live = await must<ConsoleView>(staff, "facilitator:sync");
    expect(live.progress).toMatchObject(expected);
    // A second server on the same database builds the room from the stored rows alone.
    const other = await startTestServer({ databaseUrl: server.databaseUrl });
    try {
      const otherStaff = await connect(other, { role: "facilitator", workshopId: session.id }, cookie);
      expect((await must<ConsoleView>(otherStaff, "facilitator:sync")).progress).toMatchObject(expected);
      otherStaff.close();
    } finally {
      await other.close();
    }
  });
});

describe("a server restart mid-session", () => {
  it("loses nothing acknowledged: participants reconnect with their token and carry on", async () => {
    const first = await startTestServer();
    const { cookie } = await signedInFacilitator(first, "restart@example.com");
    const session = await createSession(first, cookie);
    const staff = await connect(first, { role: "facilitator", workshopId: session.id }, cookie);
    await must(staff, "session:openLobby");
    await must(staff, "session:start", {});
    const phone = await connect(first, { role: "participant" });
    const join = await must<JoinResult>(phone, "participant:join", { code: session.code, nickname: "Stayer" });
    const placed = deck.statements.slice(0, 5);
    await Promise.all(placed.map((s, i) => must(phone, "placement:set", { statementId: s.id, column: s.canonical, seq: i + 1 })));
    phone.close();
    staff.close();
    await first.close();

    const second = await startTestServer({ databaseUrl: first.databaseUrl });
    try {
      const back = await connect(second, { role: "participant", participantToken: join.participantToken });
      const view = await must<ParticipantView>(back, "participant:sync");
      expect(view.session.phase).toBe("sorting");
      expect(new Map(view.placements.map((p) => [p.statementId, p.column]))).toEqual(new Map(placed.map((s) => [s.id, s.canonical])));
      await must(back, "placement:set", { statementId: deck.statements[5]!.id, column: "manager", seq: view.lastSeq + 1 });
      back.close();
    } finally {
      await second.close();
    }
  });
});
