"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { ParticipantController } from "@/lib/client/participant-controller";
import type { ParticipantState } from "@/lib/client/participant-store";

/** One controller per mounted session page; React subscribes to its state. The socket opens in
 *  an effect, so the server render (and the first client render) show "Connecting…". */
export function useParticipant(code: string): { state: ParticipantState; controller: ParticipantController } {
  const [controller] = useState(() => new ParticipantController(code));
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getServerSnapshot);
  return { state, controller };
}

/** The current time, refreshed every `intervalMs` (for countdowns). */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
