import { io } from "socket.io-client";
import type { Ack } from "@/lib/protocol/ack";
import { ERROR_CODES, isErrorCode, type ErrorCode } from "@/lib/protocol/errors";
import type { AckData, ClientEventName, ClientInput } from "@/lib/protocol/registry";
import { PROTOCOL_VERSION } from "@/lib/protocol/version";
import { emitTimed, type AppSocket } from "./socket";

/** Browser-side Socket.IO helpers for the staff screens (facilitator console and presenter).
 *  Same origin: the facilitator's next-auth cookie rides along with the handshake. */

/** The same typed socket as a phone's: the event maps do not depend on the role. */
export type StaffSocket = AppSocket;

export type StaffAuth =
  | { role: "facilitator"; workshopId: string }
  | { role: "presenter"; workshopId: string; presenterKey: string };

/** How long a command may wait for its ack before the UI says so. */
export const ACK_TIMEOUT_MS = 10_000;

/** The handshake `auth` object: the protocol version this page speaks, and who it is. */
export function staffHandshake(auth: StaffAuth): { protocol: typeof PROTOCOL_VERSION } & StaffAuth {
  return { protocol: PROTOCOL_VERSION, ...auth };
}

export function connectStaff(auth: StaffAuth): StaffSocket {
  return io(window.location.origin, {
    path: "/socket.io",
    auth: staffHandshake(auth),
    // The handshake refuses outright (FORBIDDEN, UNAUTHENTICATED…); transport drops retry forever.
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    withCredentials: true,
  });
}

/** Sends a client event and resolves with its ack, or with an error ack when the server does not
 *  answer in time (never rejects, so every caller has one failure path to render). */
export async function command<E extends ClientEventName>(socket: StaffSocket, event: E, payload: ClientInput<E>): Promise<Ack<AckData[E]>> {
  if (!socket.connected) return { ok: false, code: "UNAVAILABLE", message: "Not connected to the server. Wait a moment and try again." };
  const reply = await emitTimed(socket, event, payload, ACK_TIMEOUT_MS);
  return reply === "timeout" ? { ok: false, code: "UNAVAILABLE", message: "The server did not answer in time. Try again." } : reply;
}

/** What a refused handshake means for the screen: `fatal` errors will not fix themselves by
 *  retrying (Socket.IO does not retry a middleware refusal either). */
export interface ConnectFailure {
  code: ErrorCode | "NETWORK";
  message: string;
  fatal: boolean;
}

export function connectFailure(error: Error & { data?: unknown }, socketActive: boolean): ConnectFailure {
  const data = error.data as { code?: unknown } | undefined;
  const code = data && isErrorCode(data.code) ? data.code : null;
  if (code) return { code, message: error.message || ERROR_CODES[code], fatal: !socketActive };
  return { code: "NETWORK", message: "Cannot reach the server. Retrying…", fatal: false };
}
