import { normalizeJoinCode, isWellFormedJoinCode } from "@/lib/domain/joinCode";
import { addressKey, type KeyedLimiter } from "@/lib/domain/rate-limit";
import { ProtocolError } from "@/lib/protocol/ack";
import { participantView } from "@/lib/room";
import type { LiveRoom } from "../../rooms/live-room";
import type { RoomRegistry } from "../../rooms/registry";
import type { JoinDirectory } from "../join-directory";
import { channels, type IoSocket } from "../types";
import type { Handler } from "../wrapper";

export interface ParticipantDeps {
  rooms: RoomRegistry;
  joinLimiter: KeyedLimiter;
  /** Join codes to rooms without a query per join, and a cap on joins' database work. */
  directory: JoinDirectory<LiveRoom>;
  now: () => number;
}

function participantOf(socket: IoSocket): { participantId: string; workshopId: string } {
  const identity = socket.data.identity;
  if (identity.role !== "participant") throw new ProtocolError("FORBIDDEN");
  return identity;
}

/** Puts a participant's socket in its rooms and counts it as connected. */
export function attachParticipantSocket(socket: IoSocket, participantId: string, workshopId: string): void {
  void socket.join([channels.everyone(workshopId), channels.participant(participantId)]);
}

export function participantHandlers(deps: ParticipantDeps) {
  const join: Handler<"participant:join"> = async (socket, payload) => {
    if (!deps.joinLimiter.take(addressKey(socket.data.address), deps.now())) throw new ProtocolError("RATE_LIMITED", "Too many join attempts from this network; wait a minute.");
    const code = normalizeJoinCode(payload.code);
    if (!isWellFormedJoinCode(code)) throw new ProtocolError("SESSION_NOT_FOUND", "A session code has 6 letters and digits, like ABC-234.");
    const room = await deps.directory.roomFor(code, socket.data.address);
    const { member, token } = await deps.directory.write(() => room.join(payload));
    socket.data.identity = { role: "participant", participantId: member.id, workshopId: room.id };
    room.connect(member.id);
    attachParticipantSocket(socket, member.id, room.id);
    return { participantToken: token, view: participantView(room.view, member, deps.now()) };
  };

  const sync: Handler<"participant:sync"> = async (socket) => {
    const { participantId, workshopId } = participantOf(socket);
    const room = await deps.rooms.get(workshopId);
    return participantView(room.view, room.activeMember(participantId), deps.now());
  };

  const place: Handler<"placement:set"> = async (socket, payload) => {
    const { participantId, workshopId } = participantOf(socket);
    const room = await deps.rooms.get(workshopId);
    return room.place(participantId, payload);
  };

  const submit: Handler<"participant:submit"> = async (socket) => {
    const { participantId, workshopId } = participantOf(socket);
    const room = await deps.rooms.get(workshopId);
    return room.submit(participantId);
  };

  return { "participant:join": join, "participant:sync": sync, "placement:set": place, "participant:submit": submit };
}
