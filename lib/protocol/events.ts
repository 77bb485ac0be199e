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
