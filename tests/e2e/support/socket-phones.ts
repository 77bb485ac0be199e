import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION, type Ack } from "@/lib/protocol";
import type { JoinResult } from "@/lib/protocol/views";

/** Phones without a browser: many participants join a session over the public protocol
 *  (docs/protocol.md), as the load generator's do, so a spec can fill a room with more people
 *  than it could open pages for. Each joins on its own socket, which stays connected (online). */
export interface SocketPhone {
  nickname: string;
  socket: Socket;
  join: JoinResult;
}

export async function joinBySocket(baseURL: string, code: string, nicknames: string[]): Promise<{ phones: SocketPhone[]; close: () => void }> {
  const phones: SocketPhone[] = [];
  const close = () => phones.forEach((p) => p.socket.close());
  try {
    for (const nickname of nicknames) {
      const socket = await connect(baseURL);
      phones.push({ nickname, socket, join: await must<JoinResult>(socket, "participant:join", { code, nickname }) });
    }
  } catch (error) {
    close();
    throw error;
  }
  return { phones, close };
}

/** Places one of the phone's cards (its first, in the first column offered). */
export async function placeFirstCard(phone: SocketPhone, column: string, seq = 1): Promise<void> {
  await must(phone.socket, "placement:set", { statementId: phone.join.view.cards[0]!.id, column, seq });
}

function connect(baseURL: string): Promise<Socket> {
  const socket = io(baseURL, { path: "/socket.io", transports: ["websocket"], auth: { protocol: PROTOCOL_VERSION, role: "participant" }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function must<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event} failed: ${ack.code} ${ack.message}`);
  return ack.data;
}
