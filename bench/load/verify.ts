import pg from "pg";
import type { PhoneOutcome } from "./phones";

export interface Verification {
  /** Acknowledged cards checked against the database. */
  checked: number;
  /** Acknowledged moves the database does not hold: the row is missing, or it holds an older
   *  move, or the same move with another column. A newer move of the same phone stored in its
   *  place (sent, its ack lost to a timeout) is not a loss. */
  lost: number;
  /** Stored beyond what was sent: rows holding a move (seq) the phone never sent for that card,
   *  and participants stored more than once for one phone (the session holds more than the
   *  phones that joined). */
  doubled: number;
  /** Rows holding a move the phone sent but never had acknowledged (its ack timed out or failed
   *  after the write): the phone cannot know, and a retry would be idempotent. Not an error. */
  storedUnacknowledged: number;
}

/** Compares what the phones were told (acks) and sent with what the database holds at the end. */
export async function verifyPlacements(databaseUrl: string, phones: PhoneOutcome[]): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = phones.map((p) => p.participantId);
    const { rows } = await client.query<{ participant_id: string; statement_key: string; column: string | null; seq: number }>(
      `SELECT participant_id::text, statement_key, "column", seq FROM placements WHERE participant_id = ANY($1::uuid[]) AND round = 1`,
      [ids],
    );
    const stored = new Map(rows.map((r) => [`${r.participant_id}|${r.statement_key}`, r]));
    let checked = 0;
    let lost = 0;
    for (const phone of phones) {
      for (const [card, column] of Object.entries(phone.acked)) {
        checked += 1;
        const row = stored.get(`${phone.participantId}|${card}`);
        const seq = phone.ackedSeq[card] ?? 0;
        if (!row || row.seq < seq || (row.seq === seq && row.column !== column)) lost += 1;
      }
    }
    const byId = new Map(phones.map((p) => [p.participantId, p]));
    let notSent = 0;
    let storedUnacknowledged = 0;
    for (const r of rows) {
      const phone = byId.get(r.participant_id)!;
      if (!(phone.sent[r.statement_key] ?? []).includes(r.seq)) notSent += 1;
      else if (r.seq > (phone.ackedSeq[r.statement_key] ?? 0)) storedUnacknowledged += 1;
    }
    // Everyone in the phones' sessions (one, or several when a run drives many at once).
    const { rows: sessions } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants WHERE workshop_id IN (SELECT workshop_id FROM participants WHERE id = ANY($1::uuid[]))`,
      [ids],
    );
    const extraParticipants = Math.max(0, (sessions[0]?.n ?? 0) - phones.length);
    return { checked, lost, doubled: notSent + extraParticipants, storedUnacknowledged };
  } finally {
    await client.end();
  }
}
