import pg from "pg";
import type { PhoneOutcome } from "./phones";

export interface Verification {
  /** Acknowledged cards checked against the database. */
  checked: number;
  /** Acknowledged moves the database does not hold (row missing, or another column stored). */
  lost: number;
  /** Stored beyond what was acknowledged: rows for cards never acknowledged, and participants
   *  stored more than once for one phone (the session holds more than the phones that joined). */
  doubled: number;
}

/** Compares what the phones were told (acks) with what the database holds at the end. */
export async function verifyPlacements(databaseUrl: string, phones: PhoneOutcome[]): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = phones.map((p) => p.participantId);
    const { rows } = await client.query<{ participant_id: string; statement_key: string; column: string | null }>(
      `SELECT participant_id::text, statement_key, "column" FROM placements WHERE participant_id = ANY($1::uuid[]) AND round = 1`,
      [ids],
    );
    const stored = new Map(rows.map((r) => [`${r.participant_id}|${r.statement_key}`, r.column]));
    let checked = 0;
    let lost = 0;
    for (const phone of phones) {
      for (const [card, column] of Object.entries(phone.acked)) {
        checked += 1;
        const key = `${phone.participantId}|${card}`;
        if (!stored.has(key) || stored.get(key) !== column) lost += 1;
      }
    }
    const acked = new Map(phones.map((p) => [p.participantId, p.acked]));
    const storedBeyond = rows.filter((r) => !Object.hasOwn(acked.get(r.participant_id) ?? {}, r.statement_key)).length;
    const { rows: sessions } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants WHERE workshop_id = (SELECT workshop_id FROM participants WHERE id = $1)`,
      [ids[0] ?? "00000000-0000-0000-0000-000000000000"],
    );
    const extraParticipants = Math.max(0, (sessions[0]?.n ?? 0) - phones.length);
    return { checked, lost, doubled: storedBeyond + extraParticipants };
  } finally {
    await client.end();
  }
}
