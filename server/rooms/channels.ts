import type { Server, Socket } from "socket.io";
import type { UnparsedClientEvents } from "@/lib/protocol/registry";
import type { ServerToClientEvents } from "@/lib/protocol/views";

/** Who is on the other end of a socket; set by the handshake middleware, upgraded by a join.
 *  The session a socket acts on always comes from here, never from an event payload. */
export type Identity =
  | { role: "guest" }
  | { role: "participant"; participantId: string; workshopId: string }
  | { role: "facilitator"; userId: string; workshopId: string }
  | { role: "presenter"; workshopId: string };

export interface SocketData {
  identity: Identity;
  /** Client address, for per-address limits on joins. */
  address: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type InterServerEvents = {};

export type IoServer = Server<UnparsedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<UnparsedClientEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Socket.IO rooms ("channels" here, so as not to mix them up with live rooms) a room's sockets are grouped in. */
export const channels = {
  everyone: (workshopId: string) => `w:${workshopId}`,
  staff: (workshopId: string) => `w:${workshopId}:staff`,
  screens: (workshopId: string) => `w:${workshopId}:screens`,
  participant: (participantId: string) => `p:${participantId}`,
} as const;
