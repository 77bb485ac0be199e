import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { PhaseAction } from "@/lib/domain/phases";
import { ProtocolError } from "@/lib/protocol/ack";
import type { ClientPayload } from "@/lib/protocol/registry";
import type { PhaseView, PlacementAck } from "@/lib/protocol/views";
import {
  apply,
  checkActive,
  decide,
  noChanges,
  phaseView,
  recordChange,
  roomStateFrom,
  type Decision,
  type ReadonlyMemberState,
  type ReadonlyRoomState,
  type RoomChanges,
  type RoomCommand,
  type RoomError,
  type RoomEvent,
  type RoomState,
  type RoomStore,
  type RoomWrite,
  type TimerChange,
} from "@/lib/room";
import { Mailbox } from "./mailbox";
import { RoomWriter } from "./room-writer";

export interface RoomClock {
  now(): number;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type Accepted = Extract<Decision, { ok: true }>;

/**
 * One live room (a session while it runs) on this node: the only owner of its state. Every
 * command goes through the room's mailbox and is decided by the pure rules in lib/room; state
 * changes only there, by applying the rules' events once their writes are stored. Joins,
 * placements and submits are the fast path: decided at once, their writes in flight together
 * (placements and submits batched per room by the RoomWriter), each applied when its write
 * completes. Everything else (phase, timer, lock, kick, ban) is exclusive: it waits until the
 * writes in flight have landed, decides on that state, and nothing else runs until it is done.
 * So a lock, an end or a kick can never land between a join or a placement and its write, and a
 * join cannot be lost in the next round's reload. Postgres stays the source of truth: the state
 * can be rebuilt from the store at any time (`load`).
 */
export class LiveRoom {
  private changes: RoomChanges = noChanges();
  private readonly mailbox = new Mailbox();
  private readonly writer: RoomWriter;
  /** Fast-path writes started and not yet applied. */
  private pending = 0;
  private quietWaiters: (() => void)[] = [];

  private constructor(
    private state: RoomState,
    private readonly store: RoomStore,
    private readonly clock: RoomClock,
    private readonly log: Logger,
  ) {
    this.writer = new RoomWriter(store, state.settings.id, log);
  }

  static async load(roomId: string, store: RoomStore, clock: RoomClock, log: Logger): Promise<LiveRoom | null> {
    const stored = await store.loadRoom(roomId);
    if (!stored) return null;
    const round = await store.loadRound(roomId, stored.round);
    return new LiveRoom(roomStateFrom(stored, round), store, clock, log.child({ workshopId: roomId }));
  }

  get id(): string {
    return this.state.settings.id;
  }

  get phase(): PhaseView["phase"] {
    return this.state.phase;
  }

  /** The room's state, read-only: views and broadcasts are built from it. */
  get view(): ReadonlyRoomState {
    return this.state;
  }

  phaseView(): PhaseView {
    return phaseView(this.state, this.clock.now());
  }

  /** What changed since the last call (the broadcaster sends it and starts afresh). */
  takeChanges(): RoomChanges {
    const changes = this.changes;
    this.changes = noChanges();
    return changes;
  }

  /** A participant who may still act, or the error to answer. */
  activeMember(participantId: string): ReadonlyMemberState {
    const refused = checkActive(this.state, participantId);
    if (refused && !refused.ok) throw toProtocolError(refused.error);
    return this.state.members.get(participantId)!;
  }

  // ── the fast path ───────────────────────────────────────────────────────────────────────────

  join(input: ClientPayload<"participant:join">): Promise<{ member: ReadonlyMemberState; token: string }> {
    const token = randomBytes(32).toString("base64url");
    const command: RoomCommand = { type: "join", participantId: randomUUID(), tokenHash: hashToken(token), nickname: input.nickname, cohort: input.cohort };
    return this.fastPath(command, (d, now) => {
      const write = d.writes[0] as Extract<RoomWrite, { kind: "insertParticipant" }>;
      return this.track(this.store.insertParticipant(this.id, write.member, write.tokenHash), (result) => {
        if (result === "nicknameTaken") throw new ProtocolError("NICKNAME_TAKEN");
        if (result === "refused") throw this.refusedByStore(command, now, { code: "WRONG_PHASE", message: "This session is not taking new participants right now." });
        this.applyAll(d.events);
        return { member: this.state.members.get(write.member.id)!, token };
      });
    });
  }

  place(participantId: string, input: ClientPayload<"placement:set">): Promise<PlacementAck> {
    const command: RoomCommand = { type: "place", participantId, statementId: input.statementId, column: input.column, confidence: input.confidence ?? null, seq: input.seq };
    const ack = { statementId: input.statementId, column: input.column, seq: input.seq };
    return this.fastPath(command, (d, now) => {
      const { kind: _kind, ...row } = d.writes[0] as Extract<RoomWrite, { kind: "placement" }>;
      return this.track(this.writer.place({ ...row, roomId: this.id }), (outcome) => {
        if (outcome === "applied") this.applyAll(d.events);
        else if (outcome === "stale") throw new ProtocolError("STALE_PLACEMENT");
        else if (outcome === "rejected") throw this.refusedByStore(command, now, { code: "WRONG_PHASE", message: "Sorting is not open right now." });
        return ack;
      });
    });
  }

  /** Stored after every placement this room received before it (the writer keeps the order). */
  submit(participantId: string): Promise<{ submittedAt: number }> {
    return this.fastPath({ type: "submit", participantId }, (d) => {
      const write = d.writes[0] as Extract<RoomWrite, { kind: "submission" }>;
      return this.track(this.writer.submit(write), (stored) => {
        if (!stored) throw new ProtocolError("ALREADY_SUBMITTED");
        this.applyAll(d.events);
        return { submittedAt: write.submittedAt };
      });
    });
  }

  /** A participant's socket connected or went away (feeds the roster's "connected" dot). */
  connect(participantId: string): void {
    void this.mailbox.post(() => this.decideAndApply({ type: "connect", participantId }));
  }

  disconnect(participantId: string): void {
    void this.mailbox.post(() => this.decideAndApply({ type: "disconnect", participantId }));
  }

  // ── exclusive commands ──────────────────────────────────────────────────────────────────────

  changePhase(action: PhaseAction, timerSeconds?: number | null): Promise<PhaseView> {
    return this.exclusive({ type: "changePhase", action, timerSeconds }, () => this.phaseView());
  }

  setTimer(change: TimerChange, seconds?: number): Promise<PhaseView> {
    return this.exclusive({ type: "timer", change, seconds }, () => this.phaseView());
  }

  setLocked(locked: boolean): Promise<PhaseView> {
    return this.exclusive({ type: "lock", locked }, () => this.phaseView());
  }

  setShowLiveSplits(show: boolean): Promise<PhaseView> {
    return this.exclusive({ type: "showSplits", show }, () => this.phaseView());
  }

  gotoDiscussion(index: number): Promise<PhaseView> {
    return this.exclusive({ type: "gotoDiscussion", index }, () => this.phaseView());
  }

  /** Kick (or ban): their cards stop counting and they leave the roster. */
  remove(participantId: string, ban: boolean): Promise<ReadonlyMemberState> {
    return this.exclusive({ type: "remove", participantId, ban }, () => this.state.members.get(participantId)!);
  }

  unban(participantId: string): Promise<ReadonlyMemberState> {
    return this.exclusive({ type: "unban", participantId }, () => this.state.members.get(participantId)!);
  }

  /** Resolves once every write queued so far is stored (at shutdown). */
  drain(): Promise<void> {
    return this.writer.drain();
  }

  // ── inside the mailbox ──────────────────────────────────────────────────────────────────────

  /** Decides at once; the reply comes when the write started by `start` completes. The step
   *  itself stays synchronous, so the mailbox goes on with the next command meanwhile. */
  private fastPath<T>(command: RoomCommand, start: (d: Accepted, now: number) => Promise<T>): Promise<T> {
    return this.mailbox
      .post(() => {
        const now = this.clock.now();
        return { reply: start(this.decideOrThrow(command, now), now) };
      })
      .then((step) => step.reply);
  }

  /** Counts a write in flight; its completion runs in the mailbox (ahead of waiting commands). */
  private track<R, T>(write: Promise<R>, complete: (result: R) => T): Promise<T> {
    this.pending++;
    return new Promise<T>((resolve, reject) => {
      const done = (finish: () => void) =>
        this.mailbox.postUrgent(() => {
          this.pending--;
          try {
            finish();
          } finally {
            if (this.pending === 0) for (const wake of this.quietWaiters.splice(0)) wake();
          }
        });
      write.then(
        (result) =>
          done(() => {
            try {
              resolve(complete(result));
            } catch (error) {
              reject(error);
            }
          }),
        (error: unknown) => done(() => reject(error)),
      );
    });
  }

  private exclusive<T>(command: RoomCommand, result: () => T): Promise<T> {
    return this.mailbox.post(async () => {
      await this.quiet();
      let decision = this.decideOrThrow(command, this.clock.now());
      for (;;) {
        for (const write of decision.writes) await this.perform(write);
        this.applyAll(decision.events);
        if (decision.reload) this.applyAll([{ type: "roundLoaded", round: await this.store.loadRound(this.id, this.state.round) }]);
        if (!decision.then) break;
        decision = this.decideOrThrow(decision.then, this.clock.now());
      }
      if (command.type === "changePhase" && command.action === "reveal") this.log.info({ round: this.state.round }, "round revealed and scored");
      return result();
    });
  }

  /** Resolves when no fast-path write is in flight. */
  private quiet(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    this.writer.flushSoon();
    const started = Date.now();
    // A phase change waits here; if a write never settles, say so rather than hang silently.
    const watch = setInterval(() => this.log.warn({ pending: this.pending, waitingMs: Date.now() - started }, "phase change still waiting for writes in flight"), 5_000);
    watch.unref();
    return new Promise<void>((resolve) => this.quietWaiters.push(resolve)).finally(() => clearInterval(watch));
  }

  private async perform(write: RoomWrite): Promise<void> {
    switch (write.kind) {
      case "roomState":
        if (!(await this.store.updateRoom(this.id, write.patch, write.expected, write.at, write.closedAt))) {
          throw new ProtocolError("WRONG_PHASE", "The session was changed meanwhile. Reload the page.");
        }
        return;
      case "removeParticipant":
        return this.store.removeParticipant(write.participantId, write.banned);
      case "setBanned":
        return this.store.setBanned(write.participantId, write.banned);
      case "finalizeRound":
        return this.store.finalizeRound(this.id, write.round, write.at, write.scores);
      default:
        throw new Error(`${write.kind} is written on the fast path, not by an exclusive command`);
    }
  }

  private decideAndApply(command: RoomCommand): void {
    const decision = decide(this.state, command, this.clock.now());
    if (decision.ok) this.applyAll(decision.events);
  }

  private decideOrThrow(command: RoomCommand, now: number): Accepted {
    const decision = decide(this.state, command, now);
    if (!decision.ok) throw toProtocolError(decision.error);
    return decision;
  }

  /** The store refused a write the room's rules allowed when it was decided (its own guards saw
   *  a newer state): answer with what the rules say now, or with `otherwise`. */
  private refusedByStore(command: RoomCommand, now: number, otherwise: RoomError): ProtocolError {
    const again = decide(this.state, command, now);
    return toProtocolError(again.ok ? otherwise : again.error);
  }

  private applyAll(events: readonly RoomEvent[]): void {
    for (const event of events) {
      apply(this.state, event);
      recordChange(this.changes, event, this.state);
    }
  }
}

function toProtocolError(error: RoomError): ProtocolError {
  return new ProtocolError(error.code, error.message);
}
