import type { DeckIssue } from "@/lib/decks/issues";
import type { Issue } from "@/lib/i18n/issue";

export const SESSION_TITLE_MAX = 120;
export const MAX_ROUNDS = 2;
export const COHORT_MAX = 40;
export const MAX_COHORTS = 20;

/** What can stop a session from being created (create-session.ts), by code, with its English
 *  default. The dashboard translates the code (lib/i18n/messages, namespace `sessionIssues`);
 *  the JSON API answers with the English `message`. Pure. */
export const SESSION_ISSUES = {
  request_invalid: "Send the deck and, if you like, a title, the rounds and the groups.",
  unknown_fields: "Unknown fields: {fields}.",
  deck_required: "Pick a deck.",
  title_too_long: "Use {max} characters at most.",
  title_invalid_character: "The title contains a character that cannot be saved (a NUL character or half of an emoji): remove it.",
  rounds_invalid: "Choose 1 or {max} rounds.",
  cohorts_invalid: "Give at most {max} groups, each 1 to {length} characters long.",
  cohort_too_long: "Groups, line {line}: “{group}” has {length} characters; a group has at most {max}.",
  cohorts_invalid_character: "A group name contains a character that cannot be saved (a NUL character or half of an emoji): remove it.",
  deck_not_found: "No such deck.",
  deck_invalid: "The deck is not valid: {problem}",
} as const;

export type SessionIssueCode = keyof typeof SESSION_ISSUES;
/** `deckIssue` (for deck_invalid) is the deck's own first problem, for translating {problem}. */
export type SessionIssue = Issue<SessionIssueCode> & { deckIssue?: DeckIssue };

