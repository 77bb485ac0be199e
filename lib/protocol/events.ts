/** Every Socket.IO event name, "domain:verb". One map for both directions; the client and the
 *  server import it, so a typo is a type error, not a silent no-op. */
export const EVENTS = {
  // participant → server
  participantJoin: "participant:join",
  participantSync: "participant:sync",
  placementSet: "placement:set",
  participantSubmit: "participant:submit",
  // facilitator → server
  facilitatorSync: "facilitator:sync",
  sessionOpenLobby: "session:openLobby",
  sessionStart: "session:start",
  sessionReveal: "session:reveal",
  sessionNextRound: "session:nextRound",
  sessionEnd: "session:end",
  sessionLock: "session:lock",
  timerSet: "timer:set",
  timerPause: "timer:pause",
  timerResume: "timer:resume",
  timerExtend: "timer:extend",
  timerClear: "timer:clear",
  discussionGoto: "discussion:goto",
  participantKick: "participant:kick",
  participantBan: "participant:ban",
  participantUnban: "participant:unban",
  presenterShowSplits: "presenter:showSplits",
  // presenter → server
  presenterSync: "presenter:sync",
  // server → clients
  phaseChanged: "session:phase",
  progressChanged: "session:progress",
  tallyChanged: "session:tally",
  rosterChanged: "roster:delta",
  lobbyChanged: "lobby:delta",
  revealed: "session:revealed",
  resultReady: "participant:result",
  kicked: "participant:kicked",
} as const;

export type EventKey = keyof typeof EVENTS;
export type EventName = (typeof EVENTS)[EventKey];

/** Who may send each client→server event. The server's single event wrapper enforces it before
 *  parsing the payload (AUTH, then VALIDATION, then RESOLUTION). A guest is a socket that has not
 *  joined yet: it can only join. */
export type Role = "guest" | "participant" | "facilitator" | "presenter";

export const CLIENT_EVENT_ROLES = {
  "participant:join": ["guest"],
  "participant:sync": ["participant"],
  "placement:set": ["participant"],
  "participant:submit": ["participant"],
  "facilitator:sync": ["facilitator"],
  "session:openLobby": ["facilitator"],
  "session:start": ["facilitator"],
  "session:reveal": ["facilitator"],
  "session:nextRound": ["facilitator"],
  "session:end": ["facilitator"],
  "session:lock": ["facilitator"],
  "timer:set": ["facilitator"],
  "timer:pause": ["facilitator"],
  "timer:resume": ["facilitator"],
  "timer:extend": ["facilitator"],
  "timer:clear": ["facilitator"],
  "discussion:goto": ["facilitator"],
  "participant:kick": ["facilitator"],
  "participant:ban": ["facilitator"],
  "participant:unban": ["facilitator"],
  "presenter:showSplits": ["facilitator"],
  "presenter:sync": ["presenter"],
} as const satisfies Record<string, readonly Role[]>;

export type ClientEventName = keyof typeof CLIENT_EVENT_ROLES;

export function isClientEvent(name: string): name is ClientEventName {
  return Object.hasOwn(CLIENT_EVENT_ROLES, name);
}
