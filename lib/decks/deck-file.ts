import { deckFromCsv, deckToCsv } from "./csv";
import type { DeckFileResult } from "./file-common";
import { deckFromJson, deckToJson } from "./json-format";
import { slugify } from "./slug";
import type { Deck } from "./types";

export { formatDeckFileError, MAX_DECK_FILE_BYTES, type DeckFileError, type DeckFileResult } from "./file-common";

/** Deck files, either format: choosing the format, names and content types. Pure. */

export const DECK_FILE_FORMATS = ["csv", "json"] as const;
export type DeckFileFormat = (typeof DECK_FILE_FORMATS)[number];

export const DECK_FILE_CONTENT_TYPES: Record<DeckFileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export function isDeckFileFormat(value: unknown): value is DeckFileFormat {
  return typeof value === "string" && (DECK_FILE_FORMATS as readonly string[]).includes(value);
}

/** The format of an uploaded file: from its name's extension when it has a known one, otherwise
 *  from its content (a JSON deck file starts with "{"). */
export function detectDeckFileFormat(text: string, fileName?: string): DeckFileFormat {
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (isDeckFileFormat(extension)) return extension;
  return text.replace(/^\uFEFF/, "").trimStart().startsWith("{") ? "json" : "csv";
}

export function importDeckFile(text: string, format: DeckFileFormat): DeckFileResult {
  return format === "json" ? deckFromJson(text) : deckFromCsv(text);
}

export function exportDeckFile(deck: Deck, format: DeckFileFormat): string {
  return format === "json" ? deckToJson(deck) : deckToCsv(deck);
}

/** "leader-or-manager.csv": the title as a slug (ASCII, so any browser saves it as is). */
export function deckFileName(deck: Pick<Deck, "title">, format: DeckFileFormat): string {
  return `${slugify(deck.title, 60) || "deck"}.${format}`;
}
