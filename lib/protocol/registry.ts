import type { z } from "zod";
import type { Ack } from "./ack";
import {
  emptyPayload,
  gotoPayload,
  joinPayload,
  lockPayload,
  participantRef,
  placementPayload,
  rosterWindowPayload,
  showSplitsPayload,
  startPayload,
  timerExtendPayload,
  timerSetPayload,
} from "./schemas";
import type { ConsoleView, JoinResult, ParticipantView, PhaseView, PlacementAck, PresenterView, RosterPage } from "./views";

/** Who may send a client event. A guest is a socket that has not joined yet: it can only join. */
export type Role = "guest" | "participant" | "facilitator" | "presenter";

/** One client→server event: who may send it, the schema its payload must pass, and what a
 *  successful ack carries. */
export interface ClientEventSpec {
  /** Checked by the server's event wrapper before the payload is parsed. */
  readonly roles: readonly [Role, ...Role[]];
  /** The payload as sent (`z.input`) and as the handler receives it (`z.output`). */
  readonly payload: z.ZodType;
  /** A type witness for the ack's data: see `ackOf`. */
  readonly ack: (data: never) => unknown;
}

/** The ack data type of an event, carried by the type of a function (the identity on `T`) rather
 *  than by a value: a type cannot sit in an object literal, and a function of the right type
 *  needs no cast to make. Nothing ever calls it. */
export function ackOf<T>(): (data: T) => T {
  return same;
}

function same<T>(data: T): T {
  return data;
}

/** Every client→server event of the protocol (docs/protocol.md), the only list of them: the
 *  event names, the roles the wrapper checks, the schemas it parses with, the handler table and the
 *  clients' typed emits are all derived from it. Never rename an event. */
export const CLIENT_EVENTS = {
  "participant:join": { roles: ["guest"], payload: joinPayload, ack: ackOf<JoinResult>() },
  "participant:sync": { roles: ["participant"], payload: emptyPayload, ack: ackOf<ParticipantView>() },
  "placement:set": { roles: ["participant"], payload: placementPayload, ack: ackOf<PlacementAck>() },
  "participant:submit": { roles: ["participant"], payload: emptyPayload, ack: ackOf<{ submittedAt: number }>() },
  "facilitator:sync": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<ConsoleView>() },
  "session:openLobby": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "session:start": { roles: ["facilitator"], payload: startPayload, ack: ackOf<PhaseView>() },
  "session:reveal": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "session:nextRound": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "session:end": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "session:lock": { roles: ["facilitator"], payload: lockPayload, ack: ackOf<PhaseView>() },
  "timer:set": { roles: ["facilitator"], payload: timerSetPayload, ack: ackOf<PhaseView>() },
  "timer:pause": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "timer:resume": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "timer:extend": { roles: ["facilitator"], payload: timerExtendPayload, ack: ackOf<PhaseView>() },
  "timer:clear": { roles: ["facilitator"], payload: emptyPayload, ack: ackOf<PhaseView>() },
  "discussion:goto": { roles: ["facilitator"], payload: gotoPayload, ack: ackOf<PhaseView>() },
  "participant:kick": { roles: ["facilitator"], payload: participantRef, ack: ackOf<{ participantId: string }>() },
  "participant:ban": { roles: ["facilitator"], payload: participantRef, ack: ackOf<{ participantId: string }>() },
  "participant:unban": { roles: ["facilitator"], payload: participantRef, ack: ackOf<{ participantId: string }>() },
  "presenter:showSplits": { roles: ["facilitator"], payload: showSplitsPayload, ack: ackOf<PhaseView>() },
  "roster:window": { roles: ["facilitator"], payload: rosterWindowPayload, ack: ackOf<RosterPage>() },
  "presenter:sync": { roles: ["presenter"], payload: emptyPayload, ack: ackOf<PresenterView>() },
} as const satisfies Record<string, ClientEventSpec>;

export type ClientEventName = keyof typeof CLIENT_EVENTS;

export function isClientEvent(name: string): name is ClientEventName {
  return Object.hasOwn(CLIENT_EVENTS, name);
}

type Spec<E extends ClientEventName> = (typeof CLIENT_EVENTS)[E];

/** An event's payload as a client sends it (defaults not applied yet: `{}` or nothing). */
export type ClientInput<E extends ClientEventName> = z.input<Spec<E>["payload"]>;

/** An event's payload as its handler receives it, parsed. */
export type ClientPayload<E extends ClientEventName> = z.output<Spec<E>["payload"]>;

/** What each client event's successful ack carries. */
export type AckData = { [E in ClientEventName]: ReturnType<Spec<E>["ack"]> };

/** Socket.IO's typed map of client events as clients emit them: a typed payload and a typed ack. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientInput<E>, ack: (reply: Ack<AckData[E]>) => void) => void;
};

/** The same events as the server receives them: anything may arrive, and the wrapper parses it
 *  before a handler sees it (its replies are checked against AckData by the handler table). */
export type UnparsedClientEvents = {
  [E in ClientEventName]: (payload: unknown, ack: (reply: Ack<unknown>) => void) => void;
};
