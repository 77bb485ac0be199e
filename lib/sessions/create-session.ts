// Only route handlers and server components may load this (it reads the request, or the database): a
// client component importing it fails the build.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { loadDeck } from "@/lib/db/decks/reads";
import { createWorkshop } from "@/lib/db/workshops/writes";
import { parseDeck } from "@/lib/decks/schema";
import { generateJoinCode } from "@/lib/domain/joinCode";
import { isStorableText } from "@/lib/domain/storable-text";
import { makeIssue, packIssue, unpackIssue } from "@/lib/i18n/issue";
import { COHORT_MAX, MAX_COHORTS, MAX_ROUNDS, SESSION_ISSUES, SESSION_TITLE_MAX, type SessionIssue, type SessionIssueCode } from "./issues";

const issue = (code: SessionIssueCode, params?: Record<string, string | number>) => packIssue(code, params);

const cohortsInvalid = issue("cohorts_invalid", { max: MAX_COHORTS, length: COHORT_MAX });

/** Input for creating a session, as a facilitator submits it. */
export const createSessionInput = z
  .object(
    {
      deckId: z.uuid({ error: issue("deck_required") }),
      title: z
        .string()
        .trim()
        .max(SESSION_TITLE_MAX, { error: issue("title_too_long", { max: SESSION_TITLE_MAX }) })
        .refine(isStorableText, { error: issue("title_invalid_character") })
        .optional(),
      rounds: z.coerce
        .number({ error: issue("rounds_invalid", { max: MAX_ROUNDS }) })
        .int()
        .min(1)
        .max(MAX_ROUNDS)
        .default(1),
      cohorts: z
        .array(
          z.string({ error: cohortsInvalid }).trim().min(1).max(COHORT_MAX).refine(isStorableText, { error: issue("cohorts_invalid_character") }),
          { error: cohortsInvalid },
        )
        .max(MAX_COHORTS)
        .default([]),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys" ? issue("unknown_fields", { fields: iss.keys.join(", ") }) : issue("request_invalid"),
    },
  )
  .strict();

export type CreateSessionInput = z.input<typeof createSessionInput>;

export type CreateSessionResult =
  | { ok: true; id: string; code: string; presenterKey: string }
  | { ok: false; status: 400 | 404; message: string; issues: SessionIssue[] };

const failure = (status: 400 | 404, issues: SessionIssue[]): CreateSessionResult => ({ ok: false, status, message: issues.map((i) => i.message).join(" "), issues });

/** Creates a session owned by `ownerId` from a deck they may use, freezing the deck into the
 *  session so later edits never change its results. A refusal says why as issues (one per bad
 *  field) and as `message`, their English messages joined. */
export async function createSession(ownerId: string, raw: unknown): Promise<CreateSessionResult> {
  const parsed = createSessionInput.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => unpackIssue(SESSION_ISSUES, i.message) ?? makeIssue(SESSION_ISSUES, "request_invalid"));
    return failure(400, [...new Map(issues.map((i) => [i.message, i])).values()]);
  }
  const input = parsed.data;
  const found = await loadDeck(input.deckId);
  if (!found || (found.ownerId !== null && found.ownerId !== ownerId)) return failure(404, [makeIssue(SESSION_ISSUES, "deck_not_found")]);
  const deck = parseDeck(found.deck);
  if (!deck.ok) {
    const first = deck.errors[0]!;
    return failure(400, [{ ...makeIssue(SESSION_ISSUES, "deck_invalid", { problem: first.message }), deckIssue: { code: first.code, params: first.params, message: first.message } }]);
  }
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
  return { ok: true, id: workshop.id, code: workshop.code, presenterKey: workshop.presenterKey };
}
