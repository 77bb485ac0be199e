import { z } from "zod";
import { ROSTER_PAGE_MAX, ROSTER_SEARCH_MAX } from "./roster-window";
import { PROTOCOL_VERSION } from "./version";

/** The zod schemas of client→server payloads (which event takes which: lib/protocol/registry.ts)
 *  and of the handshake. Payloads are `unknown` until parsed here. Objects are strict: an
 *  unexpected field is a client bug worth hearing about, not something to ignore. */

/** Largest payload (serialized JSON) any client event may carry; anything bigger is refused with
 *  PAYLOAD_TOO_LARGE before parsing. Socket.IO's own frame cap (maxHttpBufferSize) is the hard wall. */
export const MAX_PAYLOAD_BYTES = 4_096;

export const TIMER_MIN_SECONDS = 10;
export const TIMER_MAX_SECONDS = 7_200;

/** Events that carry no data: `{}`, or no payload at all (an emit with only an ack). `null` is
 *  neither: it is what NaN and other garbage become on the wire, and is refused. */
export const emptyPayload = z.object({}).strict().default({});
const id = z.string().min(1).max(64);
const seconds = z.number().int().min(TIMER_MIN_SECONDS).max(TIMER_MAX_SECONDS);
/** A participant of the facilitator's own session (kick, ban, unban). */
export const participantRef = z.object({ participantId: z.uuid() }).strict();

export const joinPayload = z
  .object({
    code: z.string().max(32),
    nickname: z.string().max(200),
    cohort: z.string().max(80).nullish(),
  })
  .strict();

export const placementPayload = z
  .object({
    statementId: id,
    /** null takes the card back (unplaced). */
    column: id.nullable(),
    confidence: z.enum(["sure", "unsure"]).nullish(),
    /** Per participant, strictly increasing across all of their moves; makes retries idempotent
     *  and lets a late replay of an older move lose to a newer one. */
    seq: z.number().int().min(1).max(2_147_483_647),
  })
  .strict();

export const startPayload = z.object({ timerSeconds: seconds.nullish() }).strict();
export const lockPayload = z.object({ locked: z.boolean() }).strict();
export const timerSetPayload = z.object({ seconds }).strict();
export const timerExtendPayload = z.object({ seconds: z.number().int().min(TIMER_MIN_SECONDS).max(3_600) }).strict();
export const gotoPayload = z.object({ index: z.number().int().min(0).max(1_000) }).strict();
export const showSplitsPayload = z.object({ show: z.boolean() }).strict();

/** A console's roster window (`roster:window`): which page of the participants it shows. The
 *  offset is bounded only so a number stays a sane number (no session holds a million people). */
export const rosterWindowPayload = z
  .object({
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(ROSTER_PAGE_MAX),
    search: z.string().max(ROSTER_SEARCH_MAX).optional(),
  })
  .strict();

/** The Socket.IO handshake `auth` object. */
export const handshakeAuth = z.discriminatedUnion("role", [
  z.object({ protocol: z.literal(PROTOCOL_VERSION), role: z.literal("participant"), participantToken: z.string().min(16).max(128).optional() }),
  z.object({ protocol: z.literal(PROTOCOL_VERSION), role: z.literal("facilitator"), workshopId: z.uuid() }),
  z.object({ protocol: z.literal(PROTOCOL_VERSION), role: z.literal("presenter"), workshopId: z.uuid(), presenterKey: z.string().min(16).max(128) }),
]);

export type HandshakeAuth = z.infer<typeof handshakeAuth>;
