import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import type { IoServer, IoSocket, Identity } from "@/server/realtime/types";

export interface LoopbackIo {
  io: IoServer;
  url: string;
  /** A client socket whose identity on the server is `identity` (a guest by default). */
  connect(identity?: Identity): Promise<ClientSocket>;
  close(): Promise<void>;
}

/** A real Socket.IO server on an ephemeral loopback port, with `onConnection` wiring each socket
 *  as the app would; no Next, no database. */
export async function loopbackIo(onConnection: (socket: IoSocket) => void): Promise<LoopbackIo> {
  const httpServer = http.createServer();
  const io: IoServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  io.use((socket, next) => {
    socket.data.identity = (socket.handshake.auth.identity as Identity | undefined) ?? { role: "guest" };
    socket.data.address = "127.0.0.1";
    next();
  });
  io.on("connection", onConnection);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: ClientSocket[] = [];
  return {
    io,
    url,
    connect: (identity) =>
      new Promise((resolve, reject) => {
        const s = connectClient(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: identity ? { identity } : {} });
        clients.push(s);
        s.once("connect", () => resolve(s));
        s.once("connect_error", reject);
      }),
    close: async () => {
      for (const c of clients) c.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export const silentLog = pino({ level: "silent" });

/** Emits with an ack; resolves with the ack, or "timeout". `event` may be any JSON value, as a
 *  hostile client could send it. */
export function rawEmit(socket: ClientSocket, event: unknown, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    (socket.timeout(3_000) as unknown as { emit(...a: unknown[]): void }).emit(event, ...args, (err: Error | null, ack: unknown) => resolve(err ? "timeout" : ack));
  });
}
