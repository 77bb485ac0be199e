import {
  DEFAULT_ROSTER_WINDOW,
  refreshedRows,
  rosterCounts,
  rosterRows,
  sameCounts,
  samePage,
  type ReadonlyRoomState,
  type RoomChanges,
} from "@/lib/room";
import type { RosterCounts, RosterPage, RosterWindow } from "@/lib/protocol/views";

/** One console socket: the window it asked for and the page it was last given. */
interface Watcher {
  window: RosterWindow;
  sent: RosterPage | null;
}

/** A room's roster counts as of their last recount. */
interface Counted {
  counts: RosterCounts;
  at: number;
  /** A placement since: `placing` may be out of date. */
  stale: boolean;
}

/** How often at most a room's counts are recounted for placements alone. Recounting walks every
 *  member (5,000 at a large keynote), and during sorting nearly every change is a placement, which
 *  moves no count but `placing` (someone's first card, or their last one taken back). So
 *  `placing` may lag a placement by up to this long; joins, removals, connects and submits
 *  (RoomChanges.people) recount at the next flush. */
export const PLACING_RECOUNT_MS = 1_000;

/**
 * Which page of the roster each console socket of each room shows, and what it was last sent,
 * so a console is sent a page only when what it shows changed: a participant in its rows, or the
 * membership or counts. A placement by someone outside every console's rows sends nothing. Reads
 * rooms only through their read-only state.
 */
export class ConsoleRosters {
  /** Room id → socket id → watcher. */
  private readonly consoles = new Map<string, Map<string, Watcher>>();
  private readonly counted = new Map<string, Counted>();

  constructor(private readonly now: () => number) {}

  /** A console socket connected: it sees the default window until it asks for another. */
  open(roomId: string, socketId: string): void {
    let watchers = this.consoles.get(roomId);
    if (!watchers) this.consoles.set(roomId, (watchers = new Map()));
    if (!watchers.has(socketId)) watchers.set(socketId, { window: DEFAULT_ROSTER_WINDOW, sent: null });
  }

  close(roomId: string, socketId: string): void {
    const watchers = this.consoles.get(roomId);
    watchers?.delete(socketId);
    if (watchers?.size === 0) {
      this.consoles.delete(roomId);
      this.counted.delete(roomId);
    }
  }

  /** The page a console's window shows now (a sync, or a new window), counted afresh; it is
   *  what that console was last sent from then on. A socket that is not open (it left while its
   *  request was on the way) gets the page and is not remembered. */
  pageFor(state: ReadonlyRoomState, socketId: string, window?: RosterWindow): RosterPage {
    const watcher = this.consoles.get(state.settings.id)?.get(socketId);
    if (watcher && window) watcher.window = window;
    const counts = watcher ? this.recount(state).counts : rosterCounts(state);
    const page = { ...rosterRows(state, window ?? watcher?.window ?? DEFAULT_ROSTER_WINDOW), counts };
    if (watcher) watcher.sent = page;
    return page;
  }

  /** After a broadcast's changes: the pages to send, by socket id (each one at most once). */
  changed(state: ReadonlyRoomState, changes: RoomChanges): [socketId: string, page: RosterPage][] {
    const roomId = state.settings.id;
    const watchers = this.consoles.get(roomId);
    if (!watchers) return [];
    const counts = this.countsAfter(state, changes);
    const out: [string, RosterPage][] = [];
    for (const [socketId, watcher] of watchers) {
      const page = nextPage(state, watcher, changes, counts);
      if (!page || (watcher.sent && samePage(page, watcher.sent))) continue;
      watcher.sent = page;
      out.push([socketId, page]);
    }
    return out;
  }

  /** The room's counts for this broadcast: recounted when a member count can have changed, or
   *  when placements may have moved `placing` and the last recount is PLACING_RECOUNT_MS old. */
  private countsAfter(state: ReadonlyRoomState, changes: RoomChanges): RosterCounts {
    const roomId = state.settings.id;
    const last = this.counted.get(roomId);
    if (!last || changes.people) return this.recount(state).counts;
    if (changes.roster.size > 0) last.stale = true;
    if (last.stale && this.now() - last.at >= PLACING_RECOUNT_MS) return this.recount(state).counts;
    return last.counts;
  }

  private recount(state: ReadonlyRoomState): Counted {
    const counted = { counts: rosterCounts(state), at: this.now(), stale: false };
    this.counted.set(state.settings.id, counted);
    return counted;
  }
}

/** A console's page after `changes`, or null when nothing it shows can have changed. */
function nextPage(state: ReadonlyRoomState, watcher: Watcher, changes: RoomChanges, counts: RosterCounts): RosterPage | null {
  const { sent } = watcher;
  // Never sent one (it has not synced yet): from the first change that touches the roster.
  if (!sent) return changes.roster.size > 0 || changes.people ? { ...rosterRows(state, watcher.window), counts } : null;
  // Someone joined, left, connected or submitted: who is on the page and the total may differ.
  if (changes.people) return { ...rosterRows(state, watcher.window), counts };
  if (sent.rows.some((row) => changes.roster.has(row.id))) {
    const rows = refreshedRows(state, sent.rows);
    return rows ? { ...sent, rows, counts } : { ...rosterRows(state, watcher.window), counts };
  }
  return sameCounts(sent.counts, counts) ? null : { ...sent, counts };
}
