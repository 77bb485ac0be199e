import { io, type Socket } from "socket.io-client";
import type { Ack } from "@/lib/protocol/ack";
import { isErrorCode, type ErrorCode } from "@/lib/protocol/errors";
import type { AckData, ClientEventName, ClientInput, ClientToServerEvents } from "@/lib/protocol/registry";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import type { ServerToClientEvents } from "@/lib/protocol/views";

/** Browser-side Socket.IO helpers shared by every SortRoom client page. */

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Every emit waits this long for its ack before the caller treats it as lost. */
export const ACK_TIMEOUT_MS = 8_000;

/** Failures that never reach the server: no ack in time. */
export type ClientErrorCode = ErrorCode | "TIMEOUT";

export type ClientAck<T> = { ok: true; data: T } | { ok: false; code: ClientErrorCode; message: string };

const TIMEOUT_MESSAGE = "The server did not answer in time. Check your connection.";

/** A participant socket: a guest without a token (may only join), the participant with one. */
export function connectParticipant(participantToken: string | null): AppSocket {
  return io(window.location.origin, {
    path: "/socket.io",
    transports: ["websocket", "polling"],
    auth: participantAuth(participantToken),
    // Phones drop connections all the time; keep trying, calmly.
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}

export function participantAuth(participantToken: string | null): Record<string, unknown> {
  return participantToken
    ? { protocol: PROTOCOL_VERSION, role: "participant", participantToken }
    : { protocol: PROTOCOL_VERSION, role: "participant" };
}

/** Emits a client event and resolves with its ack, or with TIMEOUT. Never rejects. Note that
 *  Socket.IO buffers an emit made while disconnected and sends it on reconnect. */
export async function emitWithAck<E extends ClientEventName>(
  socket: AppSocket,
  event: E,
  payload: ClientInput<E>,
  timeoutMs: number = ACK_TIMEOUT_MS,
): Promise<ClientAck<AckData[E]>> {
  const reply = await emitTimed(socket, event, payload, timeoutMs);
  if (reply === "timeout") return { ok: false, code: "TIMEOUT", message: TIMEOUT_MESSAGE };
  if (!isAck(reply)) return { ok: false, code: "INTERNAL", message: "The server sent an unexpected reply." };
  return reply;
}

/** socket.timeout(ms) as it emits one event E: Socket.IO puts an error before the ack's own
 *  argument: null when the ack came, an Error when it did not in time (or the socket dropped
 *  after sending the event). */
interface TimedEmitter<E extends ClientEventName> {
  emit(event: E, payload: ClientInput<E>, ack: (err: Error | null, reply: Ack<AckData[E]>) => void): unknown;
}

/** Emits a client event and resolves with its ack, or with "timeout" when none came (see
 *  TimedEmitter). Never rejects.
 *
 *  The one cast between the protocol's types and Socket.IO's. The typed map checks an emit of an
 *  event named literally, but Socket.IO derives an emit's arguments through conditional types
 *  (`Parameters<DecorateAcknowledgements<…>[Ev]>`) that TypeScript cannot resolve for a type
 *  parameter E, so here the timed socket is viewed as an emitter of E alone. Callers still get
 *  exact types from the registry: `ClientInput<E>` in, `Ack<AckData[E]>` out. */
export function emitTimed<E extends ClientEventName>(socket: AppSocket, event: E, payload: ClientInput<E>, timeoutMs: number): Promise<Ack<AckData[E]> | "timeout"> {
  const timed = socket.timeout(timeoutMs) as TimedEmitter<E>;
  return new Promise((resolve) => {
    timed.emit(event, payload, (err, reply) => resolve(err ? "timeout" : reply));
  });
}

/** The server's reply is data off the wire: check its shape before trusting the typed map. */
function isAck(value: unknown): value is Ack<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { ok?: unknown; code?: unknown };
  return v.ok === true || (v.ok === false && isErrorCode(v.code));
}

/** The error code the server put on a refused handshake (err.data.code), if any. A transport
 *  failure (server down, network gone) has none. */
export function connectErrorCode(err: unknown): ErrorCode | null {
  const code = (err as { data?: { code?: unknown } } | null)?.data?.code;
  return isErrorCode(code) ? code : null;
}
