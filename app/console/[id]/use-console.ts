"use client";

import type { Connection, RunCommand, StaffUpdate } from "@/lib/client/staff-connection";
import type { ConnectFailure } from "@/lib/client/staff-socket";
import { useStaffSocket } from "@/lib/client/use-staff-socket";
import type { ConsoleView, KickedEntry, PhaseView, ProgressView, RevealView, RosterEntry, TallyView } from "@/lib/protocol/views";

/** The console's live copy of the session: one sync, then pushed deltas merged in. */

export type SessionMeta = Omit<ConsoleView["session"], keyof PhaseView>;

export interface ConsoleState {
  connection: Connection;
  failure: ConnectFailure | null;
  meta: SessionMeta | null;
  phase: PhaseView | null;
  /** Server clock minus ours, in ms. */
  offset: number;
  roster: Map<string, RosterEntry>;
  /** Participants the facilitator removed, by id, in joining order. */
  kicked: Map<string, KickedEntry>;
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
  roster: new Map(),
  kicked: new Map(),
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
        roster: new Map(action.view.roster.map((r) => [r.id, r])),
        kicked: new Map(action.view.kicked.map((k) => [k.id, k])),
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
    case "roster:delta": {
      const roster = new Map(state.roster);
      for (const id of action.payload.removed) roster.delete(id);
      for (const entry of action.payload.upserts) roster.set(entry.id, entry);
      if (action.payload.kicked.length === 0) return { ...state, roster };
      const kicked = new Map(state.kicked);
      for (const entry of action.payload.kicked) kicked.set(entry.id, entry);
      return { ...state, roster, kicked };
    }
    case "session:revealed":
      return { ...state, reveal: action.payload };
  }
}

export function useConsole(workshopId: string): { state: ConsoleState; run: RunCommand } {
  return useStaffSocket({ role: "facilitator", workshopId }, reducer, initialState);
}
