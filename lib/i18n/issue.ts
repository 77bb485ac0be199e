// Moved to the core (lib/domain/issue.ts) so lib/decks need not import lib/i18n; kept for i18n callers.
export * from "@/lib/domain/issue";
