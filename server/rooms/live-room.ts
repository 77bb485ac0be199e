import { createHash, randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { parseDeck } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { createParticipant, markParticipantRemoved, setParticipantBanned } from "@/lib/db/participants/writes";
import { listParticipants } from "@/lib/db/participants/reads";
import { listPlacements, maxSeqByParticipant } from "@/lib/db/placements/reads";
import { listSubmissions } from "@/lib/db/submissions/reads";
import { finalizeRound, insertSubmission } from "@/lib/db/submissions/writes";
import type { WorkshopRow } from "@/lib/db/workshops/reads";
import { updateWorkshopState, type WorkshopStatePatch } from "@/lib/db/workshops/writes";
import { analyzeDeck, discussionQueue } from "@/lib/domain/analysis";
import { validateNickname } from "@/lib/domain/nickname";
import { canJoin, transition, type Phase, type PhaseAction } from "@/lib/domain/phases";
import { scoreRound } from "@/lib/domain/scoring";
import { applyMove, emptyTally, type Tally } from "@/lib/domain/tally";
import { extendTimer, isExpired, NO_TIMER, pauseTimer, resumeTimer, startTimer, type TimerState } from "@/lib/domain/timer";
import { ProtocolError } from "@/lib/protocol/ack";
import { KICKED_REJOIN_MESSAGE } from "@/lib/protocol/errors";
import type { ClientPayload } from "@/lib/protocol/schemas";
import type { PhaseView, PlacementAck, RevealView } from "@/lib/protocol/views";
import type { PlacementWriter } from "./placement-writer";

/** One participant as the room keeps them in memory: their cards for the current round. */
export interface Member {
  id: string;
  nickname: string;
  cohort: string | null;
  /** Removed by the facilitator (kicked or banned). */
  kicked: boolean;
  /** Banned: their device may not come back while the session runs. Implies `kicked`. */
  banned: boolean;
  joinedAt: Date;
  placements: Map<string, { column: string | null; confidence: "sure" | "unsure" | null; seq: number }>;
  submitted: boolean;
  /** The round was closed for them at reveal: they had not submitted themselves. */
  closedAtReveal: boolean;
  /** Highest seq stored for this participant in any round. */
  lastSeq: number;
  connections: number;
  /** Score of the current round once revealed. */
  score: { correct: number; total: number } | null;
}

/** What changed since the last broadcast, so broadcasts carry deltas at a bounded rate. */
export interface DirtySet {
  progress: boolean;
  tally: boolean;
  roster: Set<string>;
  lobbyAdded: string[];
  lobbyRemoved: string[];
}

export interface RoomClock {
  now(): number;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The live state of one session on this node, loaded from Postgres and written through to it.
 *  Postgres stays the source of truth: everything here can be rebuilt by `load`. Commands that
 *  change session state run one at a time (`serially`), so a double-clicked Reveal or two
 *  simultaneous joins with one nickname cannot interleave. Placements bypass the queue (they
 *  are the hot path) and are guarded again by the batch SQL. */
export class LiveRoom {
  readonly members = new Map<string, Member>();
  tally: Tally;
  reveal: RevealView | null = null;
  readonly dirty: DirtySet = { progress: false, tally: false, roster: new Set(), lobbyAdded: [], lobbyRemoved: [] };
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private row: WorkshopRow,
    readonly deck: Deck,
    private readonly writer: PlacementWriter,
    private readonly clock: RoomClock,
    private readonly log: Logger,
  ) {
    this.tally = emptyTally(deck);
  }

  static async load(row: WorkshopRow, writer: PlacementWriter, clock: RoomClock, log: Logger): Promise<LiveRoom> {
    const parsed = parseDeck(row.deckSnapshot);
    if (!parsed.ok) throw new Error(`Session ${row.id} has an invalid deck snapshot: ${parsed.errors[0]?.message}`);
    const room = new LiveRoom(row, parsed.deck, writer, clock, log.child({ workshopId: row.id }));
    await room.reloadRound();
    return room;
  }

  get id(): string {
    return this.row.id;
  }
  get ownerId(): string {
    return this.row.ownerId;
  }
  get presenterKey(): string {
    return this.row.presenterKey;
  }
  get code(): string {
    return this.row.code;
  }
  get title(): string {
    return this.row.title;
  }
  get phase(): Phase {
    return this.row.phase;
  }
  get round(): number {
    return this.row.round;
  }
  get cohortOptions(): string[] {
    return this.row.cohortOptions;
  }
  get timer(): TimerState {
    return { endsAt: this.row.timerEndsAt?.getTime() ?? null, remainingMs: this.row.timerRemainingMs };
  }

  phaseView(): PhaseView {
    return {
      phase: this.row.phase,
      round: this.row.round,
      maxRounds: this.row.maxRounds,
      locked: this.row.locked,
      timer: this.timer,
      discussionIndex: this.row.discussionIndex,
      showLiveSplits: this.row.showLiveSplits,
      serverNow: this.clock.now(),
    };
  }

  /** Rebuilds members, placements, tally and scores of the current round from the database. */
  private async reloadRound(): Promise<void> {
    const [participants, placements, submissions] = await Promise.all([
      listParticipants(this.id),
      listPlacements(this.id, this.round),
      listSubmissions(this.id),
    ]);
    const previous = this.members;
    const members = new Map<string, Member>();
    for (const p of participants) {
      members.set(p.id, {
        id: p.id,
        nickname: p.nickname,
        cohort: p.cohort,
        kicked: p.kicked,
        banned: p.banned,
        joinedAt: p.joinedAt,
        placements: new Map(),
        submitted: false,
        closedAtReveal: false,
        lastSeq: 0,
        connections: previous.get(p.id)?.connections ?? 0,
        score: null,
      });
    }
    this.tally = emptyTally(this.deck);
    for (const pl of placements) {
      const m = members.get(pl.participantId);
      if (!m) continue;
      m.placements.set(pl.statementKey, { column: pl.column, confidence: pl.confidence, seq: pl.seq });
      if (!m.kicked) applyMove(this.tally, pl.statementKey, null, pl.column);
    }
    for (const s of submissions) {
      const m = members.get(s.participantId);
      if (!m) continue;
      if (s.round === this.round) {
        m.submitted = true;
        m.closedAtReveal = !s.byParticipant;
        if (s.score !== null && s.total !== null) m.score = { correct: s.score, total: s.total };
      }
    }
    this.members.clear();
    for (const [id, m] of members) this.members.set(id, m);
    // lastSeq covers every round, so a client continues above anything ever stored.
    for (const [id, seq] of await maxSeqByParticipant(this.id)) {
      const m = members.get(id);
      if (m) m.lastSeq = seq;
    }
    this.reveal = this.row.phase === "revealed" || (this.row.phase === "closed" && submissions.some((s) => s.round === this.round && s.score !== null)) ? this.buildReveal() : null;
  }

  private serially<T>(command: () => Promise<T>): Promise<T> {
    const run = this.queue.then(command, command);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private markAllDirty(): void {
    this.dirty.progress = true;
    this.dirty.tally = true;
  }

  // ── participants ────────────────────────────────────────────────────────────────────────────

  /** Joins run concurrently: nickname uniqueness is the database's unique index, not ordering. */
  async join(input: ClientPayload<"participant:join">): Promise<{ member: Member; token: string }> {
    if (this.phase === "closed") throw new ProtocolError("SESSION_CLOSED");
    if (!canJoin(this.phase)) throw new ProtocolError("WRONG_PHASE", "This session has not opened its lobby yet. Wait for the facilitator.");
    if (this.row.locked) throw new ProtocolError("SESSION_LOCKED");
    const nickname = validateNickname(input.nickname);
    if (!nickname.ok) throw new ProtocolError(nickname.code, nickname.message);
    const cohort = input.cohort?.trim() || null;
    if (this.cohortOptions.length > 0 ? cohort === null || !this.cohortOptions.includes(cohort) : cohort !== null) {
      throw new ProtocolError("COHORT_INVALID");
    }
    const token = randomBytes(32).toString("base64url");
    const created = await createParticipant({
      workshopId: this.id,
      nickname: nickname.nickname,
      nicknameKey: nickname.key,
      tokenHash: hashToken(token),
      cohort,
      joinedAt: new Date(this.clock.now()),
    });
    if (!created.ok) throw new ProtocolError("NICKNAME_TAKEN");
    const p = created.participant;
    const member: Member = {
      id: p.id,
      nickname: p.nickname,
      cohort: p.cohort,
      kicked: false,
      banned: false,
      joinedAt: p.joinedAt,
      placements: new Map(),
      submitted: false,
      closedAtReveal: false,
      lastSeq: 0,
      connections: 0,
      score: null,
    };
    this.members.set(p.id, member);
    this.dirty.progress = true;
    this.dirty.roster.add(p.id);
    this.dirty.lobbyAdded.push(p.nickname);
    return { member, token };
  }

  async place(participantId: string, input: ClientPayload<"placement:set">): Promise<PlacementAck> {
    const member = this.activeMember(participantId);
    // Cheap checks first, against memory; the batch SQL checks phase, timer and submission again.
    if (this.phase !== "sorting") throw new ProtocolError("WRONG_PHASE", "Sorting is not open right now.");
    if (member.submitted) throw new ProtocolError("ALREADY_SUBMITTED");
    if (isExpired(this.timer, this.clock.now())) throw new ProtocolError("WRONG_PHASE", "Time is up: the answers are locked.");
    if (!this.deck.statements.some((s) => s.id === input.statementId)) throw new ProtocolError("UNKNOWN_STATEMENT");
    if (input.column !== null && !this.deck.columns.some((c) => c.id === input.column)) throw new ProtocolError("UNKNOWN_COLUMN");

    const round = this.round;
    const outcome = await this.writer.write({
      workshopId: this.id,
      participantId,
      round,
      statementKey: input.statementId,
      column: input.column,
      confidence: input.confidence ?? null,
      seq: input.seq,
      placedAt: new Date(this.clock.now()),
    });
    const ack = { statementId: input.statementId, column: input.column, seq: input.seq };
    switch (outcome.kind) {
      case "applied": {
        if (round === this.round) {
          member.placements.set(input.statementId, { column: input.column, confidence: input.confidence ?? null, seq: input.seq });
          applyMove(this.tally, input.statementId, outcome.applied.previousColumn, input.column);
          this.dirty.tally = true;
          this.dirty.progress = true;
          this.dirty.roster.add(participantId);
        }
        member.lastSeq = Math.max(member.lastSeq, input.seq);
        return ack;
      }
      case "duplicate":
        return ack;
      case "stale":
        throw new ProtocolError("STALE_PLACEMENT");
      case "rejected":
        if (member.submitted) throw new ProtocolError("ALREADY_SUBMITTED");
        throw new ProtocolError("WRONG_PHASE", "Sorting is not open right now.");
    }
  }

  /** Submits run concurrently across participants (the row's primary key makes a second submit
   *  of the same round fail); each first waits until the placements sent before it are stored. */
  async submit(participantId: string): Promise<{ submittedAt: number }> {
    const member = this.activeMember(participantId);
    if (this.phase !== "sorting") throw new ProtocolError("WRONG_PHASE", "Sorting is not open right now.");
    if (member.submitted) throw new ProtocolError("ALREADY_SUBMITTED");
    await this.writer.drain(); // placements sent before submit are part of it
    const at = new Date(this.clock.now());
    const inserted = await insertSubmission({ workshopId: this.id, participantId, round: this.round, submittedAt: at, byParticipant: true });
    if (!inserted) throw new ProtocolError("ALREADY_SUBMITTED");
    member.submitted = true;
    this.dirty.progress = true;
    this.dirty.roster.add(participantId);
    return { submittedAt: at.getTime() };
  }

  activeMember(participantId: string): Member {
    const member = this.members.get(participantId);
    if (!member) throw new ProtocolError("UNKNOWN_PARTICIPANT");
    if (member.banned) throw new ProtocolError("KICKED");
    // Kicked: this identity is void, but the person may join again as someone new.
    if (member.kicked) throw new ProtocolError("UNAUTHENTICATED", KICKED_REJOIN_MESSAGE);
    return member;
  }

  /** Removes a participant: their cards stop counting and they leave the roster. A kick lets the
   *  person join again as someone new; a ban also refuses their device for as long as the session
   *  runs. Banning someone already kicked makes it a ban; kicking someone banned keeps the ban. */
  remove(participantId: string, ban: boolean): Promise<Member> {
    return this.serially(async () => {
      const member = this.members.get(participantId);
      if (!member) throw new ProtocolError("UNKNOWN_PARTICIPANT");
      if (member.kicked) {
        if (ban && !member.banned) await this.storeBan(member, true);
        return member;
      }
      await this.writer.drain();
      await markParticipantRemoved(participantId, ban);
      member.kicked = true;
      member.banned = ban;
      // A removed participant's cards no longer count in the room's split.
      for (const [statementId, p] of member.placements) applyMove(this.tally, statementId, p.column, null);
      this.dirty.roster.add(participantId);
      this.dirty.lobbyRemoved.push(member.nickname);
      this.markAllDirty();
      return member;
    });
  }

  /** Lifts a ban: the participant stays removed, and their device may join again as someone new.
   *  Anyone not banned is left as they are. */
  unban(participantId: string): Promise<Member> {
    return this.serially(async () => {
      const member = this.members.get(participantId);
      if (!member) throw new ProtocolError("UNKNOWN_PARTICIPANT");
      if (member.banned) await this.storeBan(member, false);
      return member;
    });
  }

  private async storeBan(member: Member, banned: boolean): Promise<void> {
    await setParticipantBanned(member.id, banned);
    member.banned = banned;
    this.dirty.roster.add(member.id);
  }

  // ── facilitator ─────────────────────────────────────────────────────────────────────────────

  changePhase(action: PhaseAction, timerSeconds?: number | null): Promise<PhaseView> {
    return this.serially(async () => {
      const result = transition({ phase: this.phase, round: this.round, maxRounds: this.row.maxRounds }, action);
      if (!result.ok) throw new ProtocolError("WRONG_PHASE", result.reason);
      const now = this.clock.now();
      const patch: WorkshopStatePatch = { phase: result.phase, round: result.round };
      if (result.phase === "sorting") patch.timer = timerSeconds ? startTimer(timerSeconds * 1000, now) : NO_TIMER;
      if (result.phase === "revealed") {
        patch.timer = NO_TIMER;
        patch.discussionIndex = 0;
      }
      if (result.phase === "closed") patch.closedAt = new Date(now);
      await this.writer.drain(); // every acknowledged placement lands before the phase moves on
      await updateWorkshopState(this.id, patch, new Date(now));
      this.applyPatch(patch);
      if (result.phase === "revealed") await this.finalizeCurrentRound(now);
      if (action === "startNextRound") await this.reloadRound();
      this.markAllDirty();
      for (const id of this.members.keys()) this.dirty.roster.add(id);
      return this.phaseView();
    });
  }

  setTimer(change: "set" | "pause" | "resume" | "extend" | "clear", seconds?: number): Promise<PhaseView> {
    return this.serially(async () => {
      if (this.phase !== "sorting") throw new ProtocolError("WRONG_PHASE", "The timer runs only while sorting.");
      const now = this.clock.now();
      const current = this.timer;
      const running = current.endsAt !== null;
      const paused = current.remainingMs !== null;
      let next: TimerState;
      if (change === "set") next = startTimer(seconds! * 1000, now);
      else if (change === "clear") next = NO_TIMER;
      else if (change === "pause") {
        if (!running) throw new ProtocolError("WRONG_PHASE", "No timer is running.");
        next = pauseTimer(current, now);
      } else if (change === "resume") {
        if (!paused) throw new ProtocolError("WRONG_PHASE", "The timer is not paused.");
        next = resumeTimer(current, now);
      } else {
        if (!running && !paused) throw new ProtocolError("WRONG_PHASE", "There is no timer to extend.");
        next = extendTimer(current, seconds! * 1000, now);
      }
      await this.persist({ timer: next });
      return this.phaseView();
    });
  }

  setLocked(locked: boolean): Promise<PhaseView> {
    return this.serially(async () => {
      if (this.phase === "closed") throw new ProtocolError("SESSION_CLOSED");
      await this.persist({ locked });
      return this.phaseView();
    });
  }

  setShowLiveSplits(show: boolean): Promise<PhaseView> {
    return this.serially(async () => {
      await this.persist({ showLiveSplits: show });
      this.dirty.tally = true;
      return this.phaseView();
    });
  }

  gotoDiscussion(index: number): Promise<PhaseView> {
    return this.serially(async () => {
      if (this.phase !== "revealed" || !this.reveal) throw new ProtocolError("WRONG_PHASE", "Discussion starts after reveal.");
      if (index >= this.reveal.queue.length) throw new ProtocolError("VALIDATION", `There are ${this.reveal.queue.length} statements to discuss.`);
      await this.persist({ discussionIndex: index });
      return this.phaseView();
    });
  }

  private async persist(patch: WorkshopStatePatch): Promise<void> {
    await updateWorkshopState(this.id, patch, new Date(this.clock.now()));
    this.applyPatch(patch);
  }

  private applyPatch(patch: WorkshopStatePatch): void {
    const r = this.row;
    if (patch.phase) r.phase = patch.phase;
    if (patch.round !== undefined) r.round = patch.round;
    if (patch.locked !== undefined) r.locked = patch.locked;
    if (patch.discussionIndex !== undefined) r.discussionIndex = patch.discussionIndex;
    if (patch.showLiveSplits !== undefined) r.showLiveSplits = patch.showLiveSplits;
    if (patch.closedAt) r.closedAt = patch.closedAt;
    if (patch.timer) {
      r.timerEndsAt = patch.timer.endsAt === null ? null : new Date(patch.timer.endsAt);
      r.timerRemainingMs = patch.timer.remainingMs;
    }
  }

  /** At reveal: re-read the round from the database (the source of truth), score everyone,
   *  close the round for those who did not submit, and store every score in one statement. */
  private async finalizeCurrentRound(now: number): Promise<void> {
    await this.reloadRound();
    const scores = [...this.members.values()].filter((m) => !m.kicked).map((m) => {
      const s = scoreRound(this.deck, new Map([...m.placements].map(([id, p]) => [id, p.column])));
      m.score = { correct: s.correct, total: s.total };
      if (!m.submitted) m.closedAtReveal = true;
      m.submitted = true;
      return { participantId: m.id, score: s.correct, total: s.total };
    });
    await finalizeRound(this.id, this.round, new Date(now), scores);
    this.reveal = this.buildReveal();
    this.log.info({ round: this.round, participants: scores.length }, "round revealed and scored");
  }

  private buildReveal(): RevealView {
    return {
      round: this.round,
      statements: this.deck.statements,
      analysis: analyzeDeck(this.deck, this.tally),
      queue: discussionQueue(this.deck, this.tally),
    };
  }
}
