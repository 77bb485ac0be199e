import type { LiveRoom } from "./live-room";
import { channels, type IoServer } from "../realtime/types";
import { kickedEntry, progressView, rosterEntry, screensMaySeeTally, tallyView } from "./views";

/** Sends what changed in each room at most every `intervalMs` (100 ms = 10 per second per
 *  session): deltas for the roster and lobby, compact arrays for counts. Never the full state
 *  per placement. Phase changes are not throttled: they are rare and everyone must see them. */
export class Broadcaster {
  private timer: NodeJS.Timeout | undefined;

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
    const d = room.dirty;
    const staff = channels.staff(room.id);
    const screens = channels.screens(room.id);
    // Progress walks every member's cards: compute it at most once per flush.
    let progress: ReturnType<typeof progressView> | undefined;
    if (d.progress) {
      progress = progressView(room);
      this.io.to([staff, screens]).emit("session:progress", progress);
      d.progress = false;
    }
    if (d.tally) {
      const tally = tallyView(room);
      this.io.to(staff).emit("session:tally", tally);
      if (screensMaySeeTally(room)) this.io.to(screens).emit("session:tally", tally);
      d.tally = false;
    }
    if (d.roster.size > 0) {
      const upserts = [];
      const removed = [];
      const kicked = [];
      for (const id of d.roster) {
        const m = room.members.get(id);
        if (!m || m.kicked) removed.push(id);
        else upserts.push(rosterEntry(m));
        if (m?.kicked) kicked.push(kickedEntry(m));
      }
      this.io.to(staff).emit("roster:delta", { upserts, removed, kicked });
      d.roster.clear();
    }
    if (d.lobbyAdded.length > 0 || d.lobbyRemoved.length > 0) {
      const joined = (progress ?? progressView(room)).joined;
      this.io.to(screens).emit("lobby:delta", { added: d.lobbyAdded.slice(-300), removed: d.lobbyRemoved, joined });
      d.lobbyAdded = [];
      d.lobbyRemoved = [];
    }
  }

  /** A phase change: everyone hears it now; after reveal each participant gets their own result. */
  phaseChanged(room: LiveRoom, results: (participantId: string) => unknown): void {
    this.flush(room);
    this.io.to(channels.everyone(room.id)).emit("session:phase", room.phaseView());
    if (room.phase === "revealed" && room.reveal) {
      this.io.to([channels.staff(room.id), channels.screens(room.id)]).emit("session:revealed", room.reveal);
      for (const m of room.members.values()) {
        if (m.kicked || m.connections === 0) continue;
        const result = results(m.id);
        if (result) this.io.to(channels.participant(m.id)).emit("participant:result", result as never);
      }
    }
  }
}
