import { nicknameKey } from "@/lib/domain/nickname";
import type { RosterCounts, RosterEntry, RosterPage, RosterWindow } from "@/lib/protocol/views";
import { placedCount } from "./derive";
import type { ReadonlyMemberState, ReadonlyRoomState } from "./state";

/** A console's view of the roster is one page of it: at 5,000 participants the console shows 50
 *  rows and a few counts, so that is all it is sent (issue 11), not every participant's every
 *  change. */

/** What a console sees until it asks for another window. */
export const DEFAULT_ROSTER_WINDOW: RosterWindow = { offset: 0, limit: 50 };

/** One participant's row: online dot, cards placed (the row's progress bar), ✓. */
export function rosterEntry(m: ReadonlyMemberState): RosterEntry {
  return { id: m.id, nickname: m.nickname, cohort: m.cohort, placed: placedCount(m), submitted: m.submitted, connected: m.connections > 0 };
}

/** The page `window` shows: its rows and the room's counts. */
export function rosterPage(state: ReadonlyRoomState, window: RosterWindow): RosterPage {
  return { ...rosterRows(state, window), counts: rosterCounts(state) };
}

export type RosterRows = Omit<RosterPage, "counts">;

/** The window's rows: active (not removed) participants in joining order whose nickname contains
 *  the search, compared as nicknames are told apart (nicknameKey: case and width ignored), and
 *  how many match. One walk over the members. */
export function rosterRows(state: ReadonlyRoomState, window: RosterWindow): RosterRows {
  const search = window.search ?? "";
  const needle = searchKey(search);
  const end = window.offset + window.limit;
  const rows: RosterEntry[] = [];
  let total = 0;
  for (const m of state.members.values()) {
    if (m.kicked || (needle !== "" && !m.nicknameKey.includes(needle))) continue;
    if (total >= window.offset && total < end) rows.push(rosterEntry(m));
    total++;
  }
  return { offset: window.offset, limit: window.limit, search, total, rows };
}

/** A search as a nickname key: white space as a nickname has it (runs are one space, trimmed). */
export function searchKey(search: string): string {
  return nicknameKey(search.replace(/\s+/gu, " ").trim());
}

/** The counts beside every page, as its rows would count them over the whole room. */
export function rosterCounts(state: ReadonlyRoomState): RosterCounts {
  const counts: RosterCounts = { joined: 0, online: 0, submitted: 0, placing: 0 };
  for (const m of state.members.values()) {
    if (m.kicked) continue;
    counts.joined++;
    if (m.connections > 0) counts.online++;
    if (m.submitted) counts.submitted++;
    else if (hasPlaced(m)) counts.placing++;
  }
  return counts;
}

/** Whether any card is on the table: stops at the first one (placedCount walks them all). */
function hasPlaced(m: ReadonlyMemberState): boolean {
  for (const p of m.placements.values()) if (p.column !== null) return true;
  return false;
}

/** The same rows again with their participants' current state, when only rows can have changed
 *  (no join, removal, connect or submit: RoomChanges.people is false, so the window still holds
 *  the same people). Null when one of them is no longer an active member. */
export function refreshedRows(state: ReadonlyRoomState, rows: readonly RosterEntry[]): RosterEntry[] | null {
  const fresh: RosterEntry[] = [];
  for (const row of rows) {
    const m = state.members.get(row.id);
    if (!m || m.kicked) return null;
    fresh.push(rosterEntry(m));
  }
  return fresh;
}

export function sameCounts(a: RosterCounts, b: RosterCounts): boolean {
  return a.joined === b.joined && a.online === b.online && a.submitted === b.submitted && a.placing === b.placing;
}

/** Whether a console would see any difference between two pages. */
export function samePage(a: RosterPage, b: RosterPage): boolean {
  if (a.offset !== b.offset || a.limit !== b.limit || a.search !== b.search || a.total !== b.total) return false;
  if (!sameCounts(a.counts, b.counts) || a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, i) => sameEntry(row, b.rows[i]!));
}

function sameEntry(a: RosterEntry, b: RosterEntry): boolean {
  return a.id === b.id && a.nickname === b.nickname && a.cohort === b.cohort && a.placed === b.placed && a.submitted === b.submitted && a.connected === b.connected;
}
