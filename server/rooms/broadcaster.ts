import { kickedEntry, memberCounts, participantResult, progressWith, rosterEntry, screensMaySeeTally, tallyViewOf, revealOf, type MemberCounts } from "@/lib/room";
import type { LiveRoom } from "./live-room";
import { channels, type IoServer } from "./channels";

/** Sends what changed in each room at most every `intervalMs` (100 ms = 10 per second per
 *  session): deltas for the roster and lobby, compact arrays for counts. Never the full state
 *  per placement. Phase changes are not throttled: they are rare and everyone must see them.
 *  Reads a room only through its read-only view and the changes it hands over. */
export class Broadcaster {
  private timer: NodeJS.Timeout | undefined;
  /** Each room's member counts as of its last recount (see RoomChanges.people). */
  private readonly counts = new WeakMap<LiveRoom, MemberCounts>();

  constructor(
    private readonly io: IoServer,
    private readonly rooms: () => Promise<LiveRoom[]>,
    private readonly intervalMs = 100,
  ) {}

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
    if (d.roster.size > 0) {
      const upserts = [];
      const removed = [];
      const kicked = [];
      for (const id of d.roster) {
        const m = state.members.get(id);
        if (!m || m.kicked) removed.push(id);
        else upserts.push(rosterEntry(m));
        if (m?.kicked) kicked.push(kickedEntry(m));
      }
      this.io.to(staff).emit("roster:delta", { upserts, removed, kicked });
    }
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
