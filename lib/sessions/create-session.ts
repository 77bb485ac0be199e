import { randomBytes } from "node:crypto";
import { z } from "zod";
import { loadDeck } from "@/lib/db/decks/reads";
import { createWorkshop } from "@/lib/db/workshops/writes";
import { parseDeck } from "@/lib/decks/schema";
import { generateJoinCode } from "@/lib/domain/joinCode";

/** Input for creating a session, as a facilitator submits it. */
export const createSessionInput = z
  .object({
    deckId: z.uuid({ message: "Pick a deck." }),
    title: z.string().trim().max(120, "Use 120 characters at most.").optional(),
    rounds: z.coerce.number().int().min(1).max(2).default(1),
    cohorts: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  })
  .strict();

export type CreateSessionInput = z.input<typeof createSessionInput>;

export type CreateSessionResult = { ok: true; id: string; code: string } | { ok: false; status: 400 | 404; message: string };

/** Creates a session owned by `ownerId` from a deck they may use, freezing the deck into the
 *  session so later edits never change its results. */
export async function createSession(ownerId: string, raw: unknown): Promise<CreateSessionResult> {
  const parsed = createSessionInput.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues.map((i) => i.message).join(" ") };
  const input = parsed.data;
  const found = await loadDeck(input.deckId);
  if (!found || (found.ownerId !== null && found.ownerId !== ownerId)) return { ok: false, status: 404, message: "No such deck." };
  const deck = parseDeck(found.deck);
  if (!deck.ok) return { ok: false, status: 400, message: `The deck is not valid: ${deck.errors[0]?.message}` };
  const cohorts = [...new Set(input.cohorts)];
  const workshop = await createWorkshop(
    {
      ownerId,
      deckId: input.deckId,
      title: input.title || deck.deck.title,
      deck: deck.deck,
      maxRounds: input.rounds,
      cohortOptions: cohorts,
      presenterKey: randomBytes(24).toString("base64url"),
    },
    () => generateJoinCode((n) => randomBytes(n)),
  );
  return { ok: true, id: workshop.id, code: workshop.code };
}
