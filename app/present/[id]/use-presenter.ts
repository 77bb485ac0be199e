"use client";

import { useEffect, useReducer } from "react";
import { command, connectFailure, connectStaff, type ConnectFailure } from "@/lib/client/staff-socket";
import type { LobbyDelta, PhaseView, PresenterView, ProgressView, RevealView, TallyView } from "@/lib/protocol/views";

/** The projector's live copy of the session. */

export type PresenterSession = PresenterView["session"];
export type Connection = "connecting" | "live" | "reconnecting" | "failed";

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

type Action =
  | { type: "connection"; connection: Connection; failure?: ConnectFailure | null }
  | { type: "synced"; view: PresenterView }
  | { type: "phase"; view: PhaseView }
  | { type: "progress"; view: ProgressView }
  | { type: "lobby"; delta: LobbyDelta }
  | { type: "tally"; view: TallyView }
  | { type: "revealed"; view: RevealView };

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
    case "progress":
      return { ...state, progress: action.view };
    case "lobby": {
      let nicknames = state.nicknames;
      if (action.delta.removed.length > 0) {
        const gone = new Set(action.delta.removed);
        nicknames = nicknames.filter((n) => !gone.has(n));
      }
      nicknames = [...nicknames, ...action.delta.added.filter((n) => !nicknames.includes(n))].slice(-NICKNAME_CAP);
      return { ...state, nicknames, joined: action.delta.joined };
    }
    case "tally":
      return { ...state, tally: action.view };
    case "revealed":
      return { ...state, reveal: action.view };
  }
}

export function usePresenter(workshopId: string, presenterKey: string): PresenterState {
  const [state, dispatch] = useReducer(reducer, initialState);

  useEffect(() => {
    const socket = connectStaff({ role: "presenter", workshopId, presenterKey });
    let last: { phase: string; round: number } | null = null;

    const sync = async () => {
      const reply = await command(socket, "presenter:sync", {});
      if (reply.ok) {
        last = { phase: reply.data.session.phase, round: reply.data.session.round };
        dispatch({ type: "synced", view: reply.data });
      } else {
        dispatch({ type: "connection", connection: "reconnecting", failure: { code: reply.code, message: reply.message, fatal: false } });
      }
    };

    socket.on("connect", () => void sync());
    socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") dispatch({ type: "connection", connection: "reconnecting" });
    });
    socket.on("connect_error", (error) => {
      const failure = connectFailure(error, socket.active);
      dispatch({ type: "connection", connection: failure.fatal ? "failed" : "reconnecting", failure });
    });
    socket.on("session:phase", (view) => {
      dispatch({ type: "phase", view });
      // Reveal and new rounds change what the screen may show: take a fresh view.
      if (last && (last.phase !== view.phase || last.round !== view.round)) void sync();
      last = { phase: view.phase, round: view.round };
    });
    socket.on("session:progress", (view) => dispatch({ type: "progress", view }));
    socket.on("lobby:delta", (delta) => dispatch({ type: "lobby", delta }));
    socket.on("session:tally", (view) => dispatch({ type: "tally", view }));
    socket.on("session:revealed", (view) => dispatch({ type: "revealed", view }));

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [workshopId, presenterKey]);

  return state;
}
