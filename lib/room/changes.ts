import type { RoomEvent } from "./commands";
import type { ReadonlyRoomState } from "./state";

/** What changed since the last broadcast, so broadcasts carry deltas at a bounded rate. */
export interface RoomChanges {
  progress: boolean;
  /** A member count in progress changed (joined, connected, submitted, removed), not only the
   *  placed count: only then must a broadcast walk the members to recount them. */
  people: boolean;
  tally: boolean;
  /** Members whose roster row changed. */
  roster: Set<string>;
  /** The list of removed participants changed (a kick, ban or unban). */
  kicked: boolean;
  lobbyAdded: string[];
  lobbyRemoved: string[];
}

export function noChanges(): RoomChanges {
  return { progress: false, people: false, tally: false, roster: new Set(), kicked: false, lobbyAdded: [], lobbyRemoved: [] };
}

/** Records which views an applied event touched (`state` is the state after it). */
export function recordChange(changes: RoomChanges, event: RoomEvent, state: ReadonlyRoomState): void {
  switch (event.type) {
    case "joined":
      changes.progress = true;
      changes.people = true;
      changes.roster.add(event.member.id);
      changes.lobbyAdded.push(event.member.nickname);
      break;
    case "placed":
      changes.tally = true;
      changes.progress = true;
      changes.roster.add(event.participantId);
      break;
    case "submitted":
    case "connectionsChanged":
      changes.progress = true;
      changes.people = true;
      changes.roster.add(event.participantId);
      break;
    case "banChanged":
      changes.progress = true;
      changes.people = true;
      changes.kicked = true;
      changes.roster.add(event.participantId);
      break;
    case "removed": {
      changes.progress = true;
      changes.people = true;
      changes.tally = true;
      changes.kicked = true;
      changes.roster.add(event.participantId);
      const m = state.members.get(event.participantId);
      if (m) changes.lobbyRemoved.push(m.nickname);
      break;
    }
    case "patched":
      if (event.patch.showLiveSplits !== undefined) changes.tally = true;
      if (event.patch.phase === undefined && event.patch.round === undefined) break;
      everything(changes, state);
      break;
    case "roundClosed":
    case "roundLoaded":
      everything(changes, state);
      break;
  }
}

function everything(changes: RoomChanges, state: ReadonlyRoomState): void {
  changes.progress = true;
  changes.people = true;
  changes.tally = true;
  for (const id of state.members.keys()) changes.roster.add(id);
}
