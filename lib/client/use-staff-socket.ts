"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { StaffAuth } from "./staff-socket";
import { NOT_CONNECTED_YET, StaffConnection, type RunCommand, type StaffAuthOf, type StaffRole, type StaffUpdate } from "./staff-connection";

/** A staff screen's live state: one `StaffConnection` per mount (a new one when the session or
 *  key changes), its updates folded in by the screen's own reducer. `run` sends a command. */
export function useStaffSocket<R extends StaffRole, S>(
  auth: StaffAuthOf<R>,
  reducer: (state: S, update: StaffUpdate<R>) => S,
  initialState: S,
): { state: S; run: RunCommand } {
  const [state, dispatch] = useReducer(reducer, initialState);
  const connectionRef = useRef<StaffConnection<R> | null>(null);
  const plain: StaffAuth = auth;
  const { role, workshopId } = plain;
  const presenterKey = plain.role === "presenter" ? plain.presenterKey : null;

  useEffect(() => {
    const current = (presenterKey === null ? { role, workshopId } : { role, workshopId, presenterKey }) as StaffAuthOf<R>;
    const connection = new StaffConnection<R>(current, dispatch);
    connectionRef.current = connection;
    connection.start();
    return () => {
      connection.stop();
      if (connectionRef.current === connection) connectionRef.current = null;
    };
  }, [role, workshopId, presenterKey]);

  const run = useCallback<RunCommand>(async (event, payload) => {
    const connection = connectionRef.current;
    if (!connection) return { ok: false, code: "UNAVAILABLE", message: NOT_CONNECTED_YET };
    return connection.run(event, payload);
  }, []);

  return { state, run };
}
