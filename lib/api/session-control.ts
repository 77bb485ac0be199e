// Only route handlers may load this (it reads the database): a client component importing it fails the build.
import "server-only";
import { z } from "zod";
import { findDeckIdBySlug } from "@/lib/db/decks/reads";
import { jsonError, NO_STORE } from "@/lib/http/json";
import { notFoundResponse } from "@/lib/reports/http";
import { ownsSession } from "@/lib/reports/service";
import type { ErrorCode } from "@/lib/protocol/errors";
import { createSession, type CreateSessionResult } from "@/lib/sessions/create-session";
import { liveControl, phaseCommandBody, type LiveControl } from "@/lib/sessions/live-control";
import { readJsonBody } from "./body";
import { BODY_LIMITS } from "./http-policy";

/** The token API's writes (docs/api.md, "Running a session"): create a session, and move it from
 *  phase to phase, so a bot or a load generator can run one end to end with a bearer token and
 *  no browser sign-in. The caller (withApiToken) has authenticated the token and taken its rate
 *  limit; the custom server has capped the body and checked its content type. */


/** What these handlers need from the outside world; tests inject their own. */
export interface SessionControlDeps {
  deckIdBySlug(slug: string): Promise<string | null>;
  create(ownerId: string, input: unknown): Promise<CreateSessionResult>;
  owns(sessionId: string, userId: string): Promise<boolean>;
  control(): LiveControl | undefined;
}

const defaults: SessionControlDeps = { deckIdBySlug: findDeckIdBySlug, create: createSession, owns: ownsSession, control: liveControl };

/** `deck` is a deck id or a built-in deck's slug; the other fields are checked by createSession
 *  (the same rules and messages as the dashboard). A stray `deckId` is an unknown field. */
const createBody = z
  .object({
    deck: z.string({ error: "deck is required: a deck id or a built-in deck's slug (e.g. leader-or-manager)." }).trim().min(1).max(200),
    title: z.unknown().optional(),
    rounds: z.unknown().optional(),
    cohorts: z.unknown().optional(),
  })
  .strict();

/** POST /api/v1/sessions {deck, title?, rounds?, cohorts?} → 201 {id, code, presenterKey}. */
export async function createSessionResponse(request: Request, userId: string, deps: SessionControlDeps = defaults): Promise<Response> {
  const body = await readJsonBody(request, BODY_LIMITS.small);
  if (body instanceof Response) return body;
  const parsed = createBody.safeParse(body.value);
  if (!parsed.success) return validationError(parsed.error);
  const { deck, ...rest } = parsed.data;
  const deckId = z.uuid().safeParse(deck).success ? deck : await deps.deckIdBySlug(deck);
  if (!deckId) return jsonError(404, "No such deck.");
  const result = await deps.create(userId, { ...rest, deckId });
  if (!result.ok) return jsonError(result.status, result.message);
  return Response.json({ id: result.id, code: result.code, presenterKey: result.presenterKey }, { status: 201, headers: NO_STORE });
}

/** POST /api/v1/sessions/{id}/phase {command, timerSeconds?} → 200 PhaseView. */
export async function phaseCommandResponse(request: Request, sessionId: string, userId: string, deps: SessionControlDeps = defaults): Promise<Response> {
  const body = await readJsonBody(request, BODY_LIMITS.small);
  if (body instanceof Response) return body;
  const parsed = phaseCommandBody.safeParse(body.value);
  if (!parsed.success) return validationError(parsed.error);
  // Someone else's session answers exactly like a missing one, before anything else is said.
  if (!(await deps.owns(sessionId, userId))) return notFoundResponse();
  const control = deps.control();
  if (!control) return jsonError(503, "Live sessions are not served by this process: run SortRoom's own server (npm start).");
  const ack = await control.phase(sessionId, parsed.data);
  if (ack.ok) return Response.json(ack.data, { headers: NO_STORE });
  const status = STATUS_OF[ack.code] ?? 500;
  return jsonError(status, ack.message, status === 503 ? { "retry-after": "1" } : {}, { code: ack.code });
}

/** HTTP statuses of the protocol's error codes a phase command can answer (docs/protocol.md). */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  SESSION_NOT_FOUND: 404,
  WRONG_PHASE: 409,
  SESSION_CLOSED: 409,
  SESSION_LOCKED: 409,
  UNAVAILABLE: 503,
  BUSY: 503,
};

function validationError(error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return jsonError(400, `The request body is not valid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}.`, {}, { issues });
}
