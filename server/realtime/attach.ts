import type http from "node:http";
import { Server } from "socket.io";
import type { Logger } from "pino";
import { ConnectionCaps, type ConnectionSlot } from "@/lib/domain/connection-caps";
import { addressKey, KeyedLimiter, TokenBucket } from "@/lib/domain/rate-limit";
import { ProtocolError } from "@/lib/protocol/ack";
import { ERROR_CODES } from "@/lib/protocol/errors";
import { clientAddress } from "../client-address";
import { eventMetrics, metrics } from "../observability/metrics";
import { Broadcaster } from "../rooms/broadcaster";
import { postgresRoomStore } from "../rooms/postgres-store";
import { RoomRegistry } from "../rooms/registry";
import { facilitatorHandlers } from "./handlers/facilitator";
import { attachParticipantSocket, participantHandlers } from "./handlers/participant";
import { identify } from "./identity";
import { JoinDirectory } from "./join-directory";
import { serveLiveControl } from "./live-control";
import { DEFAULT_REALTIME_LIMITS, type RealtimeLimits } from "./limits";
import { isAllowedOrigin } from "./origin";
import { channels, type IoServer, type IoSocket } from "./types";
import { actorOf, registerHandlers, type HandlerTable } from "./wrapper";

export interface Realtime {
  close(): Promise<void>;
}

export interface RealtimeOptions {
  log: Logger;
  allowedOrigins: string[];
  trustProxy?: boolean;
  now?: () => number;
  /** Flood protections (defaults in ./limits); tests shrink them. */
  limits?: Partial<RealtimeLimits>;
}

const TOO_MANY_GUESTS = "Too many phones from this network are waiting to join; retrying in a moment.";
const TOO_MANY_SOCKETS = "Too many connections from this network; retrying in a moment.";

/** Socket.IO on the app's HTTP server: Origin check, handshake identity, one event wrapper,
 *  batched placement writes and throttled broadcasts. */
export function attachRealtime(httpServer: http.Server, opts: RealtimeOptions): Realtime {
  const now = opts.now ?? Date.now;
  const limits: RealtimeLimits = { ...DEFAULT_REALTIME_LIMITS, ...opts.limits };
  const log = opts.log.child({ component: "realtime" });
  const io: IoServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Leave other upgrade requests (Next's dev server) alone.
    destroyUpgrade: false,
    // Hard wall for a frame; events are further limited to MAX_PAYLOAD_BYTES by the wrapper.
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    allowRequest: (req, callback) => {
      const allowed = isAllowedOrigin(req, opts.allowedOrigins, opts.trustProxy ?? false);
      if (!allowed) metrics.originRejected.inc();
      callback(allowed ? null : "ORIGIN_REJECTED", allowed);
    },
  });

  const rooms = new RoomRegistry(postgresRoomStore, { now }, log);
  const broadcaster = new Broadcaster(io, () => rooms.loaded());
  broadcaster.start();
  const joinLimiter = new KeyedLimiter(limits.joinsPerAddress.burst, limits.joinsPerAddress.perSecond);
  const directory = new JoinDirectory({ rooms, limits, now });
  const caps = new ConnectionCaps({ perAddress: limits.socketsPerAddress, guestsPerAddress: limits.guestSocketsPerAddress });
  const slots = new WeakMap<IoSocket, ConnectionSlot>();
  const participant = participantHandlers({ rooms, joinLimiter, directory, now });
  const handlers: HandlerTable = {
    ...participant,
    // A guest that joined stops counting against its address's guest cap.
    "participant:join": async (socket, payload) => {
      const joined = await participant["participant:join"](socket, payload);
      slots.get(socket)?.promote();
      return joined;
    },
    ...facilitatorHandlers({ io, rooms, broadcaster, now }),
  };
  // The token API's phase commands (POST /api/v1/sessions/{id}/phase) reach these same rooms.
  const stopLiveControl = serveLiveControl({ rooms, broadcaster }, log);
  metrics.readSocketsFrom(() => io.engine.clientsCount);
  // Rooms nobody is connected to are dropped from memory (checked every 5 minutes, evicted at the
  // second idle check), so a long-running node does not accumulate every session it ever served.
  const sweeper = setInterval(() => {
    void rooms.sweep((id) => io.sockets.adapter.rooms.get(channels.everyone(id))?.size ?? 0).then((n) => {
      if (n > 0) log.debug({ evicted: n }, "evicted idle rooms");
    });
  }, 5 * 60_000);
  sweeper.unref();

  io.use((socket, next) => {
    socket.data.address = clientAddress(socket.request, opts.trustProxy ?? false);
    const key = addressKey(socket.data.address);
    const refuse = (code: "RATE_LIMITED", message: string) => {
      metrics.handshakeRejected.inc({ code });
      next(Object.assign(new Error(message), { data: { code } }));
    };
    // Before any work (identify may query the database for a participant's token).
    if (!caps.hasRoom(key)) return refuse("RATE_LIMITED", TOO_MANY_SOCKETS);
    identify(socket.handshake.auth, socket.handshake.headers.cookie).then(
      (identity) => {
        const admission = caps.admit(key, identity.role === "guest");
        if (!admission.ok) return refuse("RATE_LIMITED", admission.refusal === "GUESTS_FULL" ? TOO_MANY_GUESTS : TOO_MANY_SOCKETS);
        // Released when the connection closes, also if it closes before "connection" fires.
        slots.set(socket, admission.slot);
        if (socket.conn.readyState === "closed") admission.slot.release();
        else socket.conn.once("close", () => admission.slot.release());
        socket.data.identity = identity;
        next();
      },
      (error: unknown) => {
        const code = error instanceof ProtocolError ? error.code : "INTERNAL";
        if (!(error instanceof ProtocolError)) log.error({ err: error }, "handshake failed");
        metrics.handshakeRejected.inc({ code });
        const refusal = new Error(error instanceof ProtocolError ? error.message : ERROR_CODES.INTERNAL) as Error & { data: unknown };
        refusal.data = { code };
        next(refusal);
      },
    );
  });

  io.on("connection", (socket: IoSocket) => {
    const identity = socket.data.identity;
    // No role in the child's bindings: a guest becomes a participant on join, so each line names
    // the actor as it is when the line is written (actorOf).
    const slog = log.child({ socketId: socket.id });
    slog.debug(actorOf(identity), "connected");
    registerHandlers(socket, handlers, { log: slog, bucket: new TokenBucket(limits.framesPerSocket.burst, limits.framesPerSocket.perSecond, now()), now, metrics: eventMetrics });

    if (identity.role === "guest") disconnectIfStillGuest(socket, limits.guestTimeoutMs, slog);
    if (identity.role === "participant") {
      attachParticipantSocket(socket, identity.participantId, identity.workshopId);
    } else if (identity.role === "facilitator") {
      void socket.join([channels.everyone(identity.workshopId), channels.staff(identity.workshopId)]);
      broadcaster.consoleOpened(identity.workshopId, socket.id);
    } else if (identity.role === "presenter") {
      void socket.join([channels.everyone(identity.workshopId), channels.screens(identity.workshopId)]);
    }
    // Connection counts feed the roster's "connected" dot; a join counts itself in its handler.
    if (identity.role === "participant") {
      void rooms.get(identity.workshopId).then(
        (room) => room.connect(identity.participantId),
        () => undefined,
      );
    }
    socket.on("disconnect", (reason) => {
      const current = socket.data.identity;
      slog.debug({ reason, ...actorOf(current) }, "disconnected");
      if (current.role === "facilitator") broadcaster.consoleClosed(current.workshopId, socket.id);
      if (current.role !== "participant") return;
      void rooms.get(current.workshopId).then(
        (room) => room.disconnect(current.participantId),
        () => undefined,
      );
    });
  });

  return {
    close: async () => {
      stopLiveControl();
      clearInterval(sweeper);
      broadcaster.stop();
      // Everything acknowledged is already stored; drain what is in flight before closing.
      await rooms.drain().catch((error: unknown) => log.error({ err: error }, "could not drain placements at shutdown"));
      await broadcaster.flushAll().catch(() => undefined);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** A guest that has not joined after `timeoutMs` is disconnected: idle guest sockets cost memory
 *  and a slot of their address's guest cap, and give nothing back. */
function disconnectIfStillGuest(socket: IoSocket, timeoutMs: number, log: Logger): void {
  const timer = setTimeout(() => {
    if (socket.data.identity.role !== "guest" || !socket.connected) return;
    metrics.guestTimeouts.inc();
    log.debug("guest disconnected: did not join in time");
    socket.disconnect(true);
  }, timeoutMs);
  timer.unref();
  socket.once("disconnect", () => clearTimeout(timer));
}
