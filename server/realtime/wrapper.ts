import type { Logger } from "pino";
import type { z } from "zod";
import type { TokenBucket } from "@/lib/domain/rate-limit";
import { fail, ok, ProtocolError, type Ack } from "@/lib/protocol/ack";
import { CLIENT_EVENT_ROLES, isClientEvent, type ClientEventName } from "@/lib/protocol/events";
import { CLIENT_SCHEMAS, MAX_PAYLOAD_BYTES, type ClientPayload } from "@/lib/protocol/schemas";
import type { AckData } from "@/lib/protocol/views";
import type { Identity, IoSocket } from "./types";

export type Handler<E extends ClientEventName> = (socket: IoSocket, payload: ClientPayload<E>) => Promise<AckData[E]>;

export type HandlerTable = { [E in ClientEventName]: Handler<E> };

export interface WrapperDeps {
  log: Logger;
  bucket: TokenBucket;
  now: () => number;
  metrics: { event(name: string, outcome: "ok" | string, ms: number): void };
}

/** The one path every client event takes: AUTH (role may send it, rate limit), VALIDATION (size,
 *  schema), RESOLUTION (the handler), and one ack in the shared shape. A handler never sees an
 *  unparsed payload, and a thrown error never escapes as a stack trace to the client. */
export function registerHandlers(socket: IoSocket, handlers: HandlerTable, deps: WrapperDeps): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== "function") return; // events without an ack are not part of the protocol
    const payload = args.length > 1 ? args[0] : undefined;
    const reply = ack as (a: Ack<unknown>) => void;
    if (!isClientEvent(event)) {
      reply(fail("UNKNOWN_EVENT", `Unknown event "${event.slice(0, 60)}".`));
      return;
    }
    const started = deps.now();
    void dispatch(socket, event, payload, handlers, deps).then((result) => {
      deps.metrics.event(event, result.ok ? "ok" : result.code, deps.now() - started);
      reply(result);
    });
  });
}

async function dispatch(socket: IoSocket, event: ClientEventName, payload: unknown, handlers: HandlerTable, deps: WrapperDeps): Promise<Ack<unknown>> {
  // AUTH
  const identity: Identity = socket.data.identity;
  const allowed: readonly string[] = CLIENT_EVENT_ROLES[event];
  if (!allowed.includes(identity.role)) {
    return fail("FORBIDDEN", `A ${identity.role} cannot send ${event}.`);
  }
  if (!deps.bucket.take(deps.now())) return fail("RATE_LIMITED");

  // VALIDATION
  if (approximateSize(payload) > MAX_PAYLOAD_BYTES) return fail("PAYLOAD_TOO_LARGE", `Payloads are limited to ${MAX_PAYLOAD_BYTES} bytes.`);
  const schema: z.ZodType = CLIENT_SCHEMAS[event];
  const parsed = schema.safeParse(payload ?? {});
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
    if (error instanceof ProtocolError) return fail(error.code, error.message);
    deps.log.error({ err: error, event, socketId: socket.id }, "event handler failed");
    return isDatabaseDown(error) ? fail("UNAVAILABLE") : fail("INTERNAL");
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

function isDatabaseDown(error: unknown): boolean {
  const text = String((error as { message?: unknown })?.message ?? error);
  return /ECONNREFUSED|ECONNRESET|timeout|terminat|Can't reach database|connection/i.test(text);
}
