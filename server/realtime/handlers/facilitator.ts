import { ProtocolError } from "@/lib/protocol/ack";
import { ERROR_CODES, KICKED_REJOIN_MESSAGE } from "@/lib/protocol/errors";
import type { ClientPayload } from "@/lib/protocol/registry";
import type { PhaseView } from "@/lib/protocol/views";
import { consoleView, presenterView } from "@/lib/room";
import type { PhaseCommand, PhaseCommandEvent } from "@/lib/sessions/live-control";
import type { Broadcaster } from "../../rooms/broadcaster";
import type { LiveRoom } from "../../rooms/live-room";
import type { RoomRegistry } from "../../rooms/registry";
import { channels, type IoServer, type IoSocket } from "../types";
import type { Handler } from "../wrapper";

export interface StaffDeps {
  io: IoServer;
  rooms: RoomRegistry;
  broadcaster: Broadcaster;
  now: () => number;
}

async function roomOf(socket: IoSocket, deps: StaffDeps, role: "facilitator" | "presenter"): Promise<LiveRoom> {
  const identity = socket.data.identity;
  if (identity.role !== role) throw new ProtocolError("FORBIDDEN");
  return deps.rooms.get(identity.workshopId);
}

/** The phase commands, one per console event: what each asks of the live room. */
const PHASE_COMMANDS: { [E in PhaseCommandEvent]: (room: LiveRoom, payload: ClientPayload<E>) => Promise<PhaseView> } = {
  "session:openLobby": (room) => room.changePhase("openLobby"),
  "session:start": (room, p) => room.changePhase("startSorting", p.timerSeconds),
  "session:reveal": (room) => room.changePhase("reveal"),
  "session:nextRound": (room) => room.changePhase("startNextRound"),
  "session:end": (room) => room.changePhase("end"),
};

/** Runs a state change and tells every socket of the session about the new phase view. */
async function changeAndBroadcast(room: LiveRoom, deps: Pick<StaffDeps, "broadcaster">, run: (room: LiveRoom) => Promise<PhaseView>): Promise<PhaseView> {
  const view = await run(room);
  deps.broadcaster.phaseChanged(room);
  return view;
}

/** A phase command on a session's room, as the console's socket sends it; also what the token
 *  API's POST /api/v1/sessions/{id}/phase runs (server/realtime/live-control.ts). The caller has
 *  checked that the session is the actor's own. */
export async function runPhaseCommand(deps: Pick<StaffDeps, "rooms" | "broadcaster">, workshopId: string, command: PhaseCommand): Promise<PhaseView> {
  const run = PHASE_COMMANDS[command.event] as (room: LiveRoom, payload: PhaseCommand["payload"]) => Promise<PhaseView>;
  return changeAndBroadcast(await deps.rooms.get(workshopId), deps, (room) => run(room, command.payload));
}

export function facilitatorHandlers(deps: StaffDeps) {
  /** A state change by the socket's facilitator, told to every socket of the session. */
  const phaseCommand =
    <P>(run: (room: LiveRoom, payload: P) => Promise<PhaseView>) =>
    async (socket: IoSocket, payload: P): Promise<PhaseView> =>
      changeAndBroadcast(await roomOf(socket, deps, "facilitator"), deps, (room) => run(room, payload));
  /** One of PHASE_COMMANDS, from the console's socket. */
  const consoleCommand = <E extends PhaseCommandEvent>(event: E) => phaseCommand(PHASE_COMMANDS[event]);

  /** Kick or ban: tells the phone which it was, then closes its sockets. */
  const remove =
    (ban: boolean) =>
    async (socket: IoSocket, payload: ClientPayload<"participant:kick" | "participant:ban">): Promise<{ participantId: string }> => {
      const room = await roomOf(socket, deps, "facilitator");
      const member = await room.remove(payload.participantId, ban);
      const channel = channels.participant(member.id);
      const message = member.banned ? ERROR_CODES.KICKED : KICKED_REJOIN_MESSAGE;
      deps.io.to(channel).emit("participant:kicked", { message, banned: member.banned });
      deps.io.in(channel).disconnectSockets(true);
      deps.broadcaster.flush(room);
      return { participantId: member.id };
    };

  return {
    // The roster in a console's view is the page of its window; the broadcaster notes it as sent.
    "facilitator:sync": (async (socket) => {
      const room = await roomOf(socket, deps, "facilitator");
      return consoleView(room.view, deps.now(), deps.broadcaster.rosterPage(room, socket.id));
    }) as Handler<"facilitator:sync">,
    "roster:window": (async (socket, asked) => deps.broadcaster.rosterPage(await roomOf(socket, deps, "facilitator"), socket.id, asked)) as Handler<"roster:window">,
    "session:openLobby": consoleCommand("session:openLobby"),
    "session:start": consoleCommand("session:start"),
    "session:reveal": consoleCommand("session:reveal"),
    "session:nextRound": consoleCommand("session:nextRound"),
    "session:end": consoleCommand("session:end"),
    "session:lock": phaseCommand((room, p: { locked: boolean }) => room.setLocked(p.locked)),
    "timer:set": phaseCommand((room, p: { seconds: number }) => room.setTimer("set", p.seconds)),
    "timer:pause": phaseCommand((room) => room.setTimer("pause")),
    "timer:resume": phaseCommand((room) => room.setTimer("resume")),
    "timer:extend": phaseCommand((room, p: { seconds: number }) => room.setTimer("extend", p.seconds)),
    "timer:clear": phaseCommand((room) => room.setTimer("clear")),
    "discussion:goto": phaseCommand((room, p: { index: number }) => room.gotoDiscussion(p.index)),
    "presenter:showSplits": phaseCommand((room, p: { show: boolean }) => room.setShowLiveSplits(p.show)),
    "participant:kick": remove(false),
    "participant:ban": remove(true),
    "participant:unban": (async (socket, payload) => {
      const room = await roomOf(socket, deps, "facilitator");
      const member = await room.unban(payload.participantId);
      deps.broadcaster.flush(room);
      return { participantId: member.id };
    }) as Handler<"participant:unban">,
    "presenter:sync": (async (socket) => presenterView((await roomOf(socket, deps, "presenter")).view, deps.now())) as Handler<"presenter:sync">,
  };
}
