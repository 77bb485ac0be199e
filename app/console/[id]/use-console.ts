"use client";

import type { Connection, RunCommand, StaffUpdate } from "@/lib/client/staff-connection";
import type { ConnectFailure } from "@/lib/client/staff-socket";
import { useStaffSocket } from "@/lib/client/use-staff-socket";
import type { ConsoleView, KickedEntry, PhaseView, ProgressView, RevealView, RosterPage, TallyView } from "@/lib/protocol/views";

/** The console's live copy of the session: one sync, then pushed updates merged in. Of the
 *  roster it holds the page it shows (the server sends a new one when that page changes). */

export type SessionMeta = Omit<ConsoleView["session"], keyof PhaseView>;

export interface ConsoleState {
  connection: Connection;
  failure: ConnectFailure | null;
  meta: SessionMeta | null;
  phase: PhaseView | null;
  /** Server clock minus ours, in ms. */
  offset: number;
  roster: RosterPage | null;
  /** Participants the facilitator removed, in joining order. */
  kicked: KickedEntry[];
  progress: ProgressView | null;
  tally: TallyView | null;
  reveal: RevealView | null;
}

type Action = StaffUpdate<"facilitator">;

const initialState: ConsoleState = {
  connection: "connecting",
  failure: null,
  meta: null,
  phase: null,
  offset: 0,
  roster: null,
  kicked: [],
  progress: null,
  tally: null,
  reveal: null,
};

function splitSession(session: ConsoleView["session"]): { meta: SessionMeta; phase: PhaseView } {
  const { phase, round, maxRounds, locked, timer, discussionIndex, showLiveSplits, serverNow, ...meta } = session;
  return { meta, phase: { phase, round, maxRounds, locked, timer, discussionIndex, showLiveSplits, serverNow } };
}

function reducer(state: ConsoleState, action: Action): ConsoleState {
  switch (action.type) {
    case "connection":
      return { ...state, connection: action.connection, failure: action.failure === undefined ? state.failure : action.failure };
    case "synced": {
      const { meta, phase } = splitSession(action.view.session);
      return {
        ...state,
        connection: "live",
        failure: null,
        meta,
        phase,
        offset: phase.serverNow - Date.now(),
        roster: action.view.roster,
        kicked: action.view.kicked,
        progress: action.view.progress,
        tally: action.view.tally,
        reveal: action.view.reveal,
      };
    }
    case "phase": {
      // Acks and broadcasts of one change both arrive; the newest server view wins.
      if (state.phase && action.view.serverNow < state.phase.serverNow) return state;
      const leftReveal = action.view.phase === "sorting" || action.view.phase === "lobby" || action.view.phase === "draft";
      return { ...state, phase: action.view, offset: action.view.serverNow - Date.now(), reveal: leftReveal ? null : state.reveal };
    }
    case "session:progress":
      return { ...state, progress: action.payload };
    case "session:tally":
      return { ...state, tally: action.payload };
    case "roster:page":
      return { ...state, roster: action.payload };
    case "roster:kicked":
      return { ...state, kicked: action.payload.kicked };
    case "session:revealed":
      return { ...state, reveal: action.payload };
  }
}

export function useConsole(workshopId: string): { state: ConsoleState; run: RunCommand } {
  return useStaffSocket({ role: "facilitator", workshopId }, reducer, initialState);
}
