import { kickedEntries, memberCounts, participantResult, progressWith, screensMaySeeTally, tallyViewOf, revealOf, type MemberCounts } from "@/lib/room";
import type { RosterPage, RosterWindow } from "@/lib/protocol/views";
import type { LiveRoom } from "./live-room";
import { channels, type IoServer } from "./channels";
import { ConsoleRosters } from "./console-rosters";

/** Sends what changed in each room at most every `intervalMs` (100 ms = 10 per second per
 *  session): deltas for the lobby, compact arrays for counts, and to each console the page of
 *  the roster it shows, only when that page changed. Never the full state per placement. Phase
 *  changes are not throttled: they are rare and everyone must see them. Reads a room only
 *  through its read-only view and the changes it hands over. */
export class Broadcaster {
  private timer: NodeJS.Timeout | undefined;
  /** Each room's member counts as of its last recount (see RoomChanges.people). */
  private readonly counts = new WeakMap<LiveRoom, MemberCounts>();
  private readonly rosters: ConsoleRosters;

  constructor(
    private readonly io: IoServer,
    private readonly rooms: () => Promise<LiveRoom[]>,
    private readonly intervalMs = 100,
    now: () => number = Date.now,
  ) {
    this.rosters = new ConsoleRosters(now);
  }

  /** A console socket of a room connected (it is sent the default window's page) or left. */
  consoleOpened(roomId: string, socketId: string): void {
    this.rosters.open(roomId, socketId);
  }

  consoleClosed(roomId: string, socketId: string): void {
    this.rosters.close(roomId, socketId);
  }

  /** The page a console shows now, for its window or for `window` from now on (facilitator:sync,
   *  roster:window). Later pages go to it only when this one changes. */
  rosterPage(room: LiveRoom, socketId: string, window?: RosterWindow): RosterPage {
    return this.rosters.pageFor(room.view, socketId, window);
  }

  start(): void {
    this.timer = setInterval(() => void this.flushAll(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async flushAll(): Promise<void> {
    for (const room of await this.rooms()) this.flush(room);
  }

  flush(room: LiveRoom): void {
    const d = room.takeChanges();
    const state = room.view;
    const staff = channels.staff(room.id);
    const screens = channels.screens(room.id);
    // Recounting members walks all of them: only when a count can have changed, at most once
    // per flush (during sorting nearly every change is a placement, which changes none).
    let counts = this.counts.get(room);
    if (!counts || d.people) {
      counts = memberCounts(state);
      this.counts.set(room, counts);
    }
    if (d.progress) this.io.to([staff, screens]).emit("session:progress", progressWith(state, counts));
    if (d.tally) {
      const tally = tallyViewOf(state);
      this.io.to(staff).emit("session:tally", tally);
      if (screensMaySeeTally(state)) this.io.to(screens).emit("session:tally", tally);
    }
    // Every flush, also without changes: a count that waits to be recounted (PLACING_RECOUNT_MS).
    for (const [socketId, page] of this.rosters.changed(state, d)) this.io.to(socketId).emit("roster:page", page);
    if (d.kicked) this.io.to(staff).emit("roster:kicked", { kicked: kickedEntries(state) });
    if (d.lobbyAdded.length > 0 || d.lobbyRemoved.length > 0) {
      this.io.to(screens).emit("lobby:delta", { added: d.lobbyAdded.slice(-300), removed: d.lobbyRemoved, joined: counts.joined });
    }
  }

  /** A phase change: everyone hears it now; after reveal each connected participant gets their
   *  own result. */
  phaseChanged(room: LiveRoom): void {
    this.flush(room);
    const state = room.view;
    this.io.to(channels.everyone(room.id)).emit("session:phase", room.phaseView());
    const reveal = state.phase === "revealed" ? revealOf(state) : null;
    if (!reveal) return;
    this.io.to([channels.staff(room.id), channels.screens(room.id)]).emit("session:revealed", reveal);
    for (const m of state.members.values()) {
      if (m.kicked || m.connections === 0) continue;
      const result = participantResult(state, m);
      if (result) this.io.to(channels.participant(m.id)).emit("participant:result", result);
    }
  }
}
