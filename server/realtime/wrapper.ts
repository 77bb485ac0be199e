import type { Logger } from "pino";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { isPoolSaturated } from "@/lib/db/pool";
import { TokenBucket } from "@/lib/domain/rate-limit";
import { fail, ok, ProtocolError, type Ack } from "@/lib/protocol/ack";
import { CLIENT_EVENTS, isClientEvent, type AckData, type ClientEventName, type ClientEventSpec, type ClientPayload } from "@/lib/protocol/registry";
import { MAX_PAYLOAD_BYTES } from "@/lib/protocol/schemas";
import type { Identity, IoSocket } from "./types";

export type Handler<E extends ClientEventName> = (socket: IoSocket, payload: ClientPayload<E>) => Promise<AckData[E]>;

export type HandlerTable = { [E in ClientEventName]: Handler<E> };

export interface WrapperDeps {
  log: Logger;
  /** Every frame a socket sends takes one token: known or unknown event, with or without an ack. */
  bucket: TokenBucket;
  now: () => number;
  metrics: { event(name: string, outcome: "ok" | string, ms: number): void };
  /** Refused frames a socket may send before it is disconnected (refilled at `strikesPerSecond`),
   *  so a client that ignores RATE_LIMITED is cut off instead of costing a reply per frame. */
  strikes?: { capacity: number; perSecond: number };
}

/** Metrics label for anything that is not a protocol event: keeps the label set bounded. */
const UNKNOWN = "unknown";

/** The one path every client event takes: AUTH (rate limit, role may send it), VALIDATION (size,
 *  schema), RESOLUTION (the handler), and one ack in the shared shape. A handler never sees an
 *  unparsed payload, and nothing a client sends can throw past this function: Socket.IO calls
 *  `onAny` listeners synchronously from the parser, so a throw here would be an uncaughtException. */
export function registerHandlers(socket: IoSocket, handlers: HandlerTable, deps: WrapperDeps): void {
  const strikeLimit = deps.strikes ?? { capacity: 30, perSecond: 1 };
  const strikes = new TokenBucket(strikeLimit.capacity, strikeLimit.perSecond, deps.now());
  let cutOff = false;

  socket.onAny((event: unknown, ...args: unknown[]) => {
    try {
      const last = args.at(-1);
      const reply = typeof last === "function" ? (last as (a: Ack<unknown>) => void) : undefined;
      if (cutOff) return;
      if (!deps.bucket.take(deps.now())) {
        deps.metrics.event(typeof event === "string" && isClientEvent(event) ? event : UNKNOWN, "RATE_LIMITED", 0);
        if (!strikes.take(deps.now())) {
          cutOff = true;
          deps.log.warn({ socketId: socket.id, ...actorOf(socket.data.identity) }, "socket disconnected: kept sending past its rate limit");
          socket.disconnect(true);
          return;
        }
        reply?.(fail("RATE_LIMITED"));
        return;
      }
      if (!reply) return; // events without an ack are not part of the protocol (they still cost a token)
      if (typeof event !== "string" || !isClientEvent(event)) {
        deps.metrics.event(UNKNOWN, "UNKNOWN_EVENT", 0);
        reply(fail("UNKNOWN_EVENT", typeof event === "string" ? `Unknown event "${event.slice(0, 60)}".` : "Event names are strings."));
        return;
      }
      const payload = args.length > 1 ? args[0] : undefined;
      const started = deps.now();
      void dispatch(socket, event, payload, handlers, deps)
        .catch((error: unknown) => {
          deps.log.error({ err: error, event }, "event dispatch failed");
          return fail("INTERNAL");
        })
        .then((result) => {
          deps.metrics.event(event, result.ok ? "ok" : result.code, deps.now() - started);
          reply(result);
        })
        .catch((error: unknown) => deps.log.error({ err: error, event }, "could not send an ack"));
    } catch (error) {
      deps.log.error({ err: error }, "socket frame handling failed");
    }
  });
}

async function dispatch(socket: IoSocket, event: ClientEventName, payload: unknown, handlers: HandlerTable, deps: WrapperDeps): Promise<Ack<unknown>> {
  // AUTH (the rate limit was taken for the frame already)
  const identity: Identity = socket.data.identity;
  const spec: ClientEventSpec = CLIENT_EVENTS[event];
  if (!spec.roles.includes(identity.role)) {
    return fail("FORBIDDEN", `A ${identity.role} cannot send ${event}.`);
  }

  // VALIDATION: the payload as sent. A missing payload (undefined) is only valid where the
  // schema says so; null (also what NaN becomes on the wire) never stands in for `{}`.
  if (approximateSize(payload) > MAX_PAYLOAD_BYTES) return fail("PAYLOAD_TOO_LARGE", `Payloads are limited to ${MAX_PAYLOAD_BYTES} bytes.`);
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) {
    return fail(
      "VALIDATION",
      "Some of the data sent was not valid.",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }

  // RESOLUTION
  try {
    const handler = handlers[event] as Handler<ClientEventName>;
    return ok(await handler(socket, parsed.data as never));
  } catch (error) {
    // Who acted is read now, not at connection: a guest socket becomes a participant's on join.
    return errorAck(error, (err) => deps.log.error({ err, event, socketId: socket.id, ...actorOf(identity) }, "event handler failed"));
  }
}

/** The ack for what a handler threw: its ProtocolError as is; anything else is logged (by
 *  `logUnexpected`) and answered without detail. Also used by the token API's phase commands
 *  (./live-control.ts), so HTTP and socket callers get the same codes. */
export function errorAck(error: unknown, logUnexpected: (error: unknown) => void): Ack<never> {
  if (error instanceof ProtocolError) return fail(error.code, error.message);
  // Every hot-path connection stayed busy past the acquire timeout: load, not an outage. The
  // client retries as it would after UNAVAILABLE, but nobody is told the database is down.
  if (isPoolSaturated(error)) return fail("BUSY");
  logUnexpected(error);
  return isDatabaseUnavailable(error) ? fail("UNAVAILABLE") : fail("INTERNAL");
}

/** The fields that name who acted, for logs. */
export function actorOf(identity: Identity): Record<string, string> {
  switch (identity.role) {
    case "guest":
      return { role: "guest" };
    case "participant":
      return { role: "participant", participantId: identity.participantId, workshopId: identity.workshopId };
    case "facilitator":
      return { role: "facilitator", userId: identity.userId, workshopId: identity.workshopId };
    case "presenter":
      return { role: "presenter", workshopId: identity.workshopId };
  }
}

function approximateSize(payload: unknown): number {
  if (payload === undefined) return 0;
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? "");
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserializable: not a valid payload
  }
}
