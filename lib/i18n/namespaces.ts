import type { Messages } from "./messages/en";

/** Message namespaces only facilitator screens (dashboard, decks, reports, console, projector)
 *  use. The root layout leaves them out, so a participant's phone does not download the deck
 *  editor's, the reports' or the console's texts with every page (about two thirds of the
 *  catalogue); staff route layouts provide the whole catalogue instead. */
export const STAFF_NAMESPACES = ["present", "dashboard", "console", "nextStep", "reports", "sessions", "settings", "decks"] as const;

export type StaffNamespace = (typeof STAFF_NAMESPACES)[number];

/** What every page gets: the catalogue without the staff namespaces. */
export type PublicMessages = Omit<Messages, StaffNamespace>;

const STAFF = new Set<string>(STAFF_NAMESPACES);

export function publicMessages(messages: Messages): PublicMessages {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !STAFF.has(namespace))) as PublicMessages;
}
