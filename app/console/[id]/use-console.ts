"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { command, connectFailure, connectStaff, type ConnectFailure, type StaffSocket } from "@/lib/client/staff-socket";
import type { Ack } from "@/lib/protocol/ack";
import type { ClientEventName } from "@/lib/protocol/events";
import type { ClientPayload } from "@/lib/protocol/schemas";
import type { AckData, ConsoleView, PhaseView, ProgressView, RevealView, RosterDelta, RosterEntry, TallyView } from "@/lib/protocol/views";

/** The console's live copy of the session: one sync, then pushed deltas merged in. */

export type SessionMeta = Omit<ConsoleView["session"], keyof PhaseView>;

export type Connection = "connecting" | "live" | "reconnecting" | "failed";

export interface ConsoleState {
  connection: Connection;
  failure: ConnectFailure | null;
  meta: SessionMeta | null;
  phase: PhaseView | null;
  /** Server clock minus ours, in ms. */
  offset: number;
  roster: Map<string, RosterEntry>;
  progress: ProgressView | null;
  tally: TallyView | null;
  reveal: RevealView | null;
}

type Action =
  | { type: "connection"; connection: Connection; failure?: ConnectFailure | null }
  | { type: "synced"; view: ConsoleView }
  | { type: "phase"; view: PhaseView }
  | { type: "progress"; view: ProgressView }
  | { type: "tally"; view: TallyView }
  | { type: "roster"; delta: RosterDelta }
  | { type: "revealed"; view: RevealView };

const initialState: ConsoleState = {
  connection: "connecting",
  failure: null,
  meta: null,
  phase: null,
  offset: 0,
  roster: new Map(),
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
    case "progress":
      return { ...state, progress: action.view };
    case "tally":
      return { ...state, tally: action.view };
    case "roster": {
      const roster = new Map(state.roster);
      for (const id of action.delta.removed) roster.delete(id);
      for (const entry of action.delta.upserts) roster.set(entry.id, entry);
      return { ...state, roster };
    }
    case "revealed":
      return { ...state, reveal: action.view };
  }
}

export type RunCommand = <E extends ClientEventName>(event: E, payload: ClientPayload<E>) => Promise<Ack<AckData[E]>>;

export function useConsole(workshopId: string): { state: ConsoleState; run: RunCommand } {
  const [state, dispatch] = useReducer(reducer, initialState);
  const socketRef = useRef<StaffSocket | null>(null);

  useEffect(() => {
    const socket = connectStaff({ role: "facilitator", workshopId });
    socketRef.current = socket;
    let last: { phase: string; round: number } | null = null;

    const sync = async () => {
      const reply = await command(socket, "facilitator:sync", {});
      if (reply.ok) {
        last = { phase: reply.data.session.phase, round: reply.data.session.round };
        dispatch({ type: "synced", view: reply.data });
      } else {
        dispatch({ type: "connection", connection: "failed", failure: { code: reply.code, message: reply.message, fatal: false } });
      }
    };

    // Fires on the first connection and after every reconnection: always start from a full view.
    socket.on("connect", () => void sync());
    socket.on("disconnect", (reason) => {
      if (reason === "io client disconnect") return;
      dispatch({ type: "connection", connection: "reconnecting" });
    });
    socket.on("connect_error", (error) => {
      const failure = connectFailure(error, socket.active);
      dispatch({ type: "connection", connection: failure.fatal ? "failed" : "reconnecting", failure });
    });
    socket.on("session:phase", (view) => {
      dispatch({ type: "phase", view });
      // A new phase or round changes roster, tally and reveal wholesale: take a fresh view.
      if (last && (last.phase !== view.phase || last.round !== view.round)) void sync();
      last = { phase: view.phase, round: view.round };
    });
    socket.on("session:progress", (view) => dispatch({ type: "progress", view }));
    socket.on("session:tally", (view) => dispatch({ type: "tally", view }));
    socket.on("roster:delta", (delta) => dispatch({ type: "roster", delta }));
    socket.on("session:revealed", (view) => dispatch({ type: "revealed", view }));

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [workshopId]);

  const run = useCallback<RunCommand>(async (event, payload) => {
    const socket = socketRef.current;
    if (!socket) return { ok: false, code: "UNAVAILABLE", message: "Not connected to the server yet." };
    const reply = await command(socket, event, payload);
    if (reply.ok && isPhaseView(reply.data)) dispatch({ type: "phase", view: reply.data });
    return reply;
  }, []);

  return { state, run };
}

function isPhaseView(data: unknown): data is PhaseView {
  return typeof data === "object" && data !== null && "phase" in data && "serverNow" in data;
}
