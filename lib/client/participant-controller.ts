import { ERROR_CODES, type ErrorCode } from "@/lib/protocol/errors";
import type { ParticipantView } from "@/lib/protocol/views";
import { forgetMoves, forgetParticipant, readMoves, readToken, writeMoves, writeToken } from "./participant-storage";
import { initialState, pendingMoves, reduce, type Action, type Confidence, type ParticipantState, type PendingMove } from "./participant-store";
import { connectErrorCode, connectParticipant, emitWithAck, participantAuth, type AppSocket, type ClientAck, type ClientErrorCode } from "./socket";

/** Drives one participant's phone for one session code: owns the socket, turns server replies and
 *  pushes into store actions, resends unacked moves, and keeps the token and seq in storage.
 *  React reads it through `subscribe`/`getSnapshot` (useSyncExternalStore). The constructor does
 *  no I/O (it also runs during the server render); `start` and `stop` may be called repeatedly
 *  (React's strict mode mounts effects twice). */

export type JoinOutcome = { ok: true } | { ok: false; code: ClientErrorCode; message: string };

/** Worth trying the same move again: the server (or the network) may recover. */
const RETRYABLE = new Set<ClientErrorCode>(["UNAVAILABLE", "BUSY", "INTERNAL", "RATE_LIMITED", "TIMEOUT"]);
/** The handshake was refused for good: reloading the page is the only way out. */
const FATAL_HANDSHAKE = new Set<ErrorCode>(["PROTOCOL_MISMATCH", "ORIGIN_REJECTED", "VALIDATION"]);
/** After reveal the server pushes each participant's result right after the phase; if it has not
 *  come by then (the socket was reconnecting), ask for it. */
const RESULT_GRACE_MS = 1_500;

export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export class ParticipantController {
  private state: ParticipantState = initialState;
  private readonly listeners = new Set<() => void>();
  private socket: AppSocket | null = null;
  private running = false;
  /** Bumped on every (dis)connect: acks from an older connection must not touch the in-flight set. */
  private epoch = 0;
  private readonly inflight = new Set<number>();
  private readonly retryTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private syncing = false;
  private syncAgain = false;
  private handshakeFailures = 0;

  constructor(
    readonly code: string,
    /** Opens the socket (a guest's without a token); tests pass a fake. */
    private readonly connect: (token: string | null) => AppSocket = connectParticipant,
  ) {}

  // ── React glue ──────────────────────────────────────────────────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ParticipantState => this.state;

  getServerSnapshot = (): ParticipantState => initialState;

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  start(): void {
    if (this.running) return;
    this.running = true;
    const token = readToken(this.code);
    const stored = readMoves(this.code);
    this.dispatch({ type: "restored", lastSeq: stored.lastSeq, pending: stored.pending });
    if (token) {
      if (this.state.screen === "starting") this.dispatch({ type: "screen", screen: "connecting" });
      this.open(token);
    } else {
      if (this.state.screen === "starting" || this.state.screen === "connecting") this.dispatch({ type: "screen", screen: "join" });
      this.open(null);
    }
  }

  stop(): void {
    this.running = false;
    this.closeSocket();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.clearRetries();
  }

  // ── commands from the UI ────────────────────────────────────────────────────────────────────

  async join(nickname: string, cohort: string | null): Promise<JoinOutcome> {
    const stored = readToken(this.code);
    if (stored) {
      // This device already has its place in the session (joined, or removed, in another tab):
      // come back as that participant rather than as someone new.
      this.dispatch({ type: "screen", screen: "connecting", notice: null });
      this.open(stored);
      return { ok: true };
    }
    if (!this.socket) this.open(null);
    const socket = this.socket!;
    const reply = await emitWithAck(socket, "participant:join", { code: this.code, nickname, ...(cohort ? { cohort } : {}) });
    if (!reply.ok) return reply;
    const { participantToken, view } = reply.data;
    writeToken(this.code, participantToken);
    if (socket !== this.socket) {
      // The socket was replaced meanwhile (stop/start): come back with the new token instead.
      if (this.running) {
        this.dispatch({ type: "screen", screen: "connecting", notice: null });
        this.open(participantToken);
      }
      return { ok: true };
    }
    // A reconnect of this same socket must come back as this participant, not as a guest.
    socket.auth = participantAuth(participantToken);
    this.applyView(view);
    this.dispatch({ type: "screen", screen: "ready", notice: null });
    this.flush();
    return { ok: true };
  }

  place(statementId: string, column: string | null, confidence?: Confidence): void {
    this.dispatch({ type: "place", statementId, column, confidence, floorSeq: readMoves(this.code).lastSeq + 1 });
    this.flush();
  }

  undo(): void {
    this.dispatch({ type: "undo", floorSeq: readMoves(this.code).lastSeq + 1 });
    this.flush();
  }

  dismissFlash(): void {
    this.dispatch({ type: "flash", message: null });
  }

  async submit(): Promise<ClientAck<{ submittedAt: number }>> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, code: "TIMEOUT", message: "You are offline right now. Your answers are safe; submit again when reconnected." };
    const reply = await emitWithAck(socket, "participant:submit", {});
    if (reply.ok || reply.code === "ALREADY_SUBMITTED") {
      this.dispatch({ type: "submitted" });
      if (!reply.ok) this.sync();
    } else if (reply.code === "WRONG_PHASE") {
      this.sync();
    } else if (reply.code === "KICKED") {
      this.kicked(ERROR_CODES.KICKED);
    }
    return reply;
  }

  // ── socket ──────────────────────────────────────────────────────────────────────────────────

  private open(token: string | null): void {
    this.closeSocket();
    const socket = this.connect(token);
    this.socket = socket;
    socket.on("connect", () => this.onConnect(socket));
    socket.on("disconnect", (reason) => this.onDisconnect(socket, reason));
    socket.on("connect_error", (err) => this.onConnectError(socket, err));
    socket.on("session:phase", (view) => {
      const before = this.state.session;
      this.dispatch({ type: "phase", view, now: Date.now() });
      if (!before) return;
      if (view.round !== before.round) this.sync();
      else if ((view.phase === "revealed" || view.phase === "closed") && view.phase !== before.phase) {
        this.later(RESULT_GRACE_MS, () => {
          const result = this.state.result;
          if (!result || result.round !== this.state.session?.round) this.sync();
        });
      }
    });
    socket.on("participant:result", (result) => this.dispatch({ type: "result", result }));
    // Kicked (not banned): this participant is gone, but the person may join again as someone new.
    socket.on("participant:kicked", (info) => (info.banned === false ? this.forget(info.message) : this.kicked(info.message || ERROR_CODES.KICKED)));
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.removeAllListeners();
    socket.disconnect();
    this.newEpoch();
    this.dispatch({ type: "connection", connected: false });
  }

  private onConnect(socket: AppSocket): void {
    if (socket !== this.socket) return;
    this.handshakeFailures = 0;
    this.newEpoch();
    this.dispatch({ type: "connection", connected: true });
    if (this.state.screen === "connecting" && this.state.notice) this.dispatch({ type: "screen", screen: "connecting", notice: null });
    // A guest has nothing to sync; a participant resyncs, then resends whatever is still pending.
    if ((socket.auth as { participantToken?: string }).participantToken) this.sync();
  }

  private onDisconnect(socket: AppSocket, reason: string): void {
    if (socket !== this.socket) return;
    this.newEpoch();
    this.dispatch({ type: "connection", connected: false });
    // The server closed this socket on purpose (a kick is announced first and handled there):
    // Socket.IO will not reconnect on its own, so try once more; the handshake tells us why.
    if (reason === "io server disconnect" && this.state.screen !== "kicked") this.later(1_000, () => this.reconnect(socket));
  }

  private onConnectError(socket: AppSocket, err: Error): void {
    if (socket !== this.socket) return;
    const code = connectErrorCode(err);
    if (code === "KICKED") {
      // Removed from this session: stay removed (the token is kept, so a reload lands here again).
      this.kicked(err.message || ERROR_CODES.KICKED);
      return;
    }
    if (code === "UNAUTHENTICATED") {
      // The token is no good any more (unknown, stale, or its participant was kicked).
      this.forget(err.message || ERROR_CODES[code]);
      return;
    }
    if (code && FATAL_HANDSHAKE.has(code)) {
      this.closeSocket();
      this.dispatch({ type: "screen", screen: "fatal", notice: err.message || ERROR_CODES[code] });
      return;
    }
    this.handshakeFailures += 1;
    if (this.state.screen === "connecting") {
      this.dispatch({ type: "screen", screen: "connecting", notice: "We cannot reach the server yet. Still trying…" });
    }
    // A refusal by the server's middleware (or a dead manager) is not retried by Socket.IO itself.
    if (!socket.active) this.later(retryDelay(this.handshakeFailures), () => this.reconnect(socket));
  }

  private reconnect(socket: AppSocket): void {
    if (this.running && socket === this.socket && !socket.connected) socket.connect();
  }

  private newEpoch(): void {
    this.epoch += 1;
    this.inflight.clear();
    this.clearRetries();
  }

  private clearRetries(): void {
    for (const t of this.retryTimers.values()) clearTimeout(t);
    this.retryTimers.clear();
  }

  // ── sync and moves ──────────────────────────────────────────────────────────────────────────

  private sync(): void {
    const socket = this.socket;
    if (!socket?.connected) return; // the next connect syncs
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    void emitWithAck(socket, "participant:sync", {}).then((reply) => {
      this.syncing = false;
      if (!this.running || socket !== this.socket) return;
      if (reply.ok) {
        this.applyView(reply.data);
        if (this.state.screen !== "ready") this.dispatch({ type: "screen", screen: "ready", notice: null });
      } else if (reply.code === "KICKED") {
        return this.kicked(ERROR_CODES.KICKED);
      } else if (reply.code === "UNKNOWN_PARTICIPANT" || reply.code === "UNAUTHENTICATED" || reply.code === "FORBIDDEN") {
        return this.forget("This device is not part of the session any more. Join again with a nickname.");
      } else {
        this.later(retryDelay(2), () => this.sync());
      }
      if (this.syncAgain) {
        this.syncAgain = false;
        this.sync();
      }
      this.flush();
    });
  }

  private applyView(view: ParticipantView): void {
    this.dispatch({ type: "synced", view, now: Date.now() });
  }

  /** Sends every pending move that is neither in flight nor waiting for its retry. */
  private flush(): void {
    const socket = this.socket;
    if (!socket?.connected || this.state.screen !== "ready") return;
    for (const move of pendingMoves(this.state)) {
      if (this.inflight.has(move.seq) || this.retryTimers.has(move.seq)) continue;
      this.send(socket, move);
    }
  }

  private send(socket: AppSocket, move: PendingMove): void {
    const epoch = this.epoch;
    this.inflight.add(move.seq);
    const payload = { statementId: move.statementId, column: move.column, confidence: move.confidence, seq: move.seq };
    void emitWithAck(socket, "placement:set", payload).then((reply) => {
      const current = epoch === this.epoch;
      if (current) this.inflight.delete(move.seq);
      if (!this.running) return;
      if (reply.ok) return this.dispatch({ type: "acked", ack: reply.data });
      if (RETRYABLE.has(reply.code)) {
        // A reconnect resends everything itself; only the live connection schedules retries.
        if (!current) return;
        this.dispatch({ type: "retry", statementId: move.statementId, seq: move.seq });
        const attempts = this.state.pending[move.statementId]?.attempts ?? 1;
        const timer = setTimeout(() => {
          this.retryTimers.delete(move.seq);
          this.flush();
        }, retryDelay(attempts));
        this.retryTimers.set(move.seq, timer);
        return;
      }
      switch (reply.code) {
        case "STALE_PLACEMENT":
          this.dispatch({ type: "stale", statementId: move.statementId, seq: move.seq });
          return this.sync();
        case "ALREADY_SUBMITTED":
          this.dispatch({ type: "refused", message: reply.message });
          this.dispatch({ type: "submitted" });
          return this.sync();
        case "KICKED":
          return this.kicked(ERROR_CODES.KICKED);
        default:
          // WRONG_PHASE (time is up, sorting closed) and anything unexpected: the server's state
          // wins; show why and fetch it.
          this.dispatch({ type: "refused", message: reply.message });
          return this.sync();
      }
    });
  }

  /** Forgets the token and moves, and offers the join form again (as a guest) with `notice`. */
  private forget(notice: string): void {
    forgetParticipant(this.code);
    this.dispatch({ type: "reset", screen: "join", notice });
    this.open(null);
  }

  /** Banned: stay removed (the token is kept, so a reload lands here again). */
  private kicked(message: string): void {
    forgetMoves(this.code);
    this.closeSocket();
    this.dispatch({ type: "reset", screen: "kicked", notice: message });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) run();
    }, ms);
    this.timers.add(timer);
  }

  // ── state ───────────────────────────────────────────────────────────────────────────────────

  private dispatch(action: Action): void {
    const before = this.state;
    const after = reduce(before, action);
    if (after === before) return;
    this.state = after;
    if ((after.pending !== before.pending || after.nextSeq !== before.nextSeq) && after.screen !== "kicked" && after.screen !== "join") {
      writeMoves(this.code, { lastSeq: after.nextSeq - 1, pending: pendingMoves(after) });
    }
    for (const listener of this.listeners) listener();
  }
}
