import { z } from "zod";
import type { Ack } from "@/lib/protocol/ack";
import { CLIENT_EVENTS, type ClientPayload } from "@/lib/protocol/registry";
import type { PhaseView } from "@/lib/protocol/views";

/**
 * The bridge from an HTTP route to the live rooms of this server process: the token API's
 * `POST /api/v1/sessions/{id}/phase` (docs/api.md) changes a session's phase through the very code
 * the facilitator console's socket uses (server/realtime/handlers/facilitator.ts), so a phase
 * change over HTTP is decided by the room's mailbox and broadcast to every socket like a click in
 * the console. Nothing here talks to the database.
 *
 * The custom server registers the implementation when it attaches Socket.IO and removes it when it
 * closes. It lives on globalThis because Next bundles route handlers separately from the server's
 * own modules: the route's copy of this file and the server's are different module instances, but
 * share one process. For the same reason the answer is an Ack (plain data) rather than a thrown
 * ProtocolError: `instanceof` does not hold across the two copies.
 */

/** The phase commands of the API, each the socket event the console sends for it. */
export const PHASE_COMMAND_EVENTS = {
  openLobby: "session:openLobby",
  start: "session:start",
  reveal: "session:reveal",
  nextRound: "session:nextRound",
  end: "session:end",
} as const;

export type PhaseCommandName = keyof typeof PHASE_COMMAND_EVENTS;
export type PhaseCommandEvent = (typeof PHASE_COMMAND_EVENTS)[PhaseCommandName];

/** A validated command: the socket event and its payload, exactly as the console would send it. */
export type PhaseCommand = { [E in PhaseCommandEvent]: { event: E; payload: ClientPayload<E> } }[PhaseCommandEvent];

/** The body of `POST /api/v1/sessions/{id}/phase`: `{ command }`, plus `timerSeconds` for start.
 *  Each variant is the socket event's own schema with the command's name added, so the HTTP
 *  route accepts exactly what the socket accepts (strict: unknown fields are refused). */
export const phaseCommandBody = z
  .discriminatedUnion("command", [
    z.object({ command: z.literal("openLobby") }).strict(),
    CLIENT_EVENTS["session:start"].payload.extend({ command: z.literal("start") }).strict(),
    z.object({ command: z.literal("reveal") }).strict(),
    z.object({ command: z.literal("nextRound") }).strict(),
    z.object({ command: z.literal("end") }).strict(),
  ])
  .transform(({ command, ...payload }): PhaseCommand => ({ event: PHASE_COMMAND_EVENTS[command], payload }) as PhaseCommand);

export interface LiveControl {
  /** Runs a phase command on the session's live room and broadcasts the result. */
  phase(workshopId: string, command: PhaseCommand): Promise<Ack<PhaseView>>;
}

const slot = globalThis as unknown as { sortroomLiveControl?: LiveControl };

/** Called by the server once its live rooms exist; returns the function that unregisters. */
export function registerLiveControl(control: LiveControl): () => void {
  slot.sortroomLiveControl = control;
  return () => {
    if (slot.sortroomLiveControl === control) delete slot.sortroomLiveControl;
  };
}

/** This process's live rooms, or undefined when no realtime server runs here (e.g. `next dev`
 *  without the custom server): the route then answers 503. */
export function liveControl(): LiveControl | undefined {
  return slot.sortroomLiveControl;
}
