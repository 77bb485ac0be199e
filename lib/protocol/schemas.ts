import { z } from "zod";
import type { ClientEventName } from "./events";
import { PROTOCOL_VERSION } from "./version";

/** One zod schema per client→server payload. Payloads are `unknown` until parsed here. Objects
 *  are strict: an unexpected field is a client bug worth hearing about, not something to ignore. */

/** Largest payload (serialized JSON) any client event may carry; anything bigger is refused with
 *  PAYLOAD_TOO_LARGE before parsing. Socket.IO's own frame cap (maxHttpBufferSize) is the hard wall. */
export const MAX_PAYLOAD_BYTES = 4_096;

export const TIMER_MIN_SECONDS = 10;
export const TIMER_MAX_SECONDS = 7_200;

/** Events that carry no data: `{}`, or no payload at all (an emit with only an ack). `null` is
 *  neither: it is what NaN and other garbage become on the wire, and is refused. */
const empty = z.object({}).strict().default({});
const id = z.string().min(1).max(64);
const seconds = z.number().int().min(TIMER_MIN_SECONDS).max(TIMER_MAX_SECONDS);
/** A participant of the facilitator's own session (kick, ban, unban). */
const participantRef = z.object({ participantId: z.uuid() }).strict();

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

export const CLIENT_SCHEMAS = {
  "participant:join": joinPayload,
  "participant:sync": empty,
  "placement:set": placementPayload,
  "participant:submit": empty,
  "facilitator:sync": empty,
  "session:openLobby": empty,
  "session:start": z.object({ timerSeconds: seconds.nullish() }).strict(),
  "session:reveal": empty,
  "session:nextRound": empty,
  "session:end": empty,
  "session:lock": z.object({ locked: z.boolean() }).strict(),
  "timer:set": z.object({ seconds }).strict(),
  "timer:pause": empty,
  "timer:resume": empty,
  "timer:extend": z.object({ seconds: z.number().int().min(TIMER_MIN_SECONDS).max(3_600) }).strict(),
  "timer:clear": empty,
  "discussion:goto": z.object({ index: z.number().int().min(0).max(1_000) }).strict(),
  "participant:kick": participantRef,
  "participant:ban": participantRef,
  "participant:unban": participantRef,
  "presenter:showSplits": z.object({ show: z.boolean() }).strict(),
  "presenter:sync": empty,
} as const satisfies Record<ClientEventName, z.ZodType>;

export type ClientPayload<E extends ClientEventName> = z.infer<(typeof CLIENT_SCHEMAS)[E]>;

/** The Socket.IO handshake `auth` object. */
export const handshakeAuth = z.discriminatedUnion("role", [
  z.object({ protocol: z.literal(PROTOCOL_VERSION), role: z.literal("participant"), participantToken: z.string().min(16).max(128).optional() }),
  z.object({ protocol: z.literal(PROTOCOL_VERSION), role: z.literal("facilitator"), workshopId: z.uuid() }),
  z.object({ protocol: z.literal(PROTOCOL_VERSION), role: z.literal("presenter"), workshopId: z.uuid(), presenterKey: z.string().min(16).max(128) }),
]);

export type HandshakeAuth = z.infer<typeof handshakeAuth>;
