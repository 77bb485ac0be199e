"use client";

import type { Connection, StaffUpdate } from "@/lib/client/staff-connection";
import type { ConnectFailure } from "@/lib/client/staff-socket";
import { useStaffSocket } from "@/lib/client/use-staff-socket";
import type { PresenterView, ProgressView, RevealView, TallyView } from "@/lib/protocol/views";

/** The projector's live copy of the session. */

export type PresenterSession = PresenterView["session"];

export const NICKNAME_CAP = 300;

export interface PresenterState {
  connection: Connection;
  failure: ConnectFailure | null;
  session: PresenterSession | null;
  offset: number;
  /** Most recent nicknames, oldest first, at most NICKNAME_CAP. */
  nicknames: string[];
  joined: number;
  progress: ProgressView | null;
  tally: TallyView | null;
  reveal: RevealView | null;
  /** After reveal the screen shows the overview until the facilitator steps into the discussion. */
  discussing: boolean;
}

type Action = StaffUpdate<"presenter">;

const initialState: PresenterState = {
  connection: "connecting",
  failure: null,
  session: null,
  offset: 0,
  nicknames: [],
  joined: 0,
  progress: null,
  tally: null,
  reveal: null,
  discussing: false,
};

function reducer(state: PresenterState, action: Action): PresenterState {
  switch (action.type) {
    case "connection":
      return { ...state, connection: action.connection, failure: action.failure === undefined ? state.failure : action.failure };
    case "synced": {
      const s = action.view.session;
      const prev = state.session;
      const sameReveal = prev !== null && prev.phase === "revealed" && s.phase === "revealed" && prev.round === s.round;
      return {
        ...state,
        connection: "live",
        failure: null,
        session: s,
        offset: s.serverNow - Date.now(),
        nicknames: action.view.nicknames.slice(-NICKNAME_CAP),
        joined: action.view.joined,
        progress: action.view.progress,
        tally: action.view.tally,
        reveal: action.view.reveal,
        discussing: s.phase === "revealed" && ((sameReveal && state.discussing) || s.discussionIndex > 0),
      };
    }
    case "phase": {
      const prev = state.session;
      if (!prev || action.view.serverNow < prev.serverNow) return state;
      const v = action.view;
      // A facilitator stepping through the discussion re-sends the phase with nothing else changed
      // (even "go to statement 1" while on statement 1): that is the cue to leave the overview.
      const navigated =
        prev.phase === "revealed" && v.phase === "revealed" && prev.round === v.round && prev.locked === v.locked && prev.showLiveSplits === v.showLiveSplits;
      const hasResults = v.phase === "revealed" || v.phase === "closed";
      return {
        ...state,
        session: { ...prev, ...v },
        offset: v.serverNow - Date.now(),
        tally: hasResults || v.showLiveSplits ? state.tally : null,
        reveal: hasResults ? state.reveal : null,
        discussing: v.phase === "revealed" && (state.discussing || navigated || v.discussionIndex > 0),
      };
    }
    case "session:progress":
      return { ...state, progress: action.payload };
    case "lobby:delta": {
      const delta = action.payload;
      let nicknames = state.nicknames;
      if (delta.removed.length > 0) {
        const gone = new Set(delta.removed);
        nicknames = nicknames.filter((n) => !gone.has(n));
      }
      nicknames = [...nicknames, ...delta.added.filter((n) => !nicknames.includes(n))].slice(-NICKNAME_CAP);
      return { ...state, nicknames, joined: delta.joined };
    }
    case "session:tally":
      return { ...state, tally: action.payload };
    case "session:revealed":
      return { ...state, reveal: action.payload };
  }
}

export function usePresenter(workshopId: string, presenterKey: string): PresenterState {
  return useStaffSocket({ role: "presenter", workshopId, presenterKey }, reducer, initialState).state;
}
