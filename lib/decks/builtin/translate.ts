import type { Deck } from "../types";

/** One statement of a translated built-in deck, keyed by the id of the statement it translates. */
export interface StatementTranslation {
  id: string;
  /** The card, in the translation's language. */
  text: string;
  /** The source sentence translated (the source deck's explanation is the article's English sentence). */
  explanation: string;
}

export interface DeckTranslation {
  slug: string;
  language: string;
  title: string;
  description: string;
  /** The translated deck's own version, bumped when its words change (seeding compares it). */
  version: number;
  /** Column id → label; ids stay those of the source deck. */
  columnLabels: Record<string, string>;
  /** In the source deck's order, one per source statement. */
  statements: StatementTranslation[];
}

/**
 * The translated deck: ids, canonical answers and order come from `source`, only the words change,
 * so a translation cannot move an answer, and reports can line statements up across languages.
 * Throws when the translation does not cover the source exactly (a missing, extra or reordered
 * statement or column), which breaks at import time rather than in a room.
 */
export function translateDeck(source: Deck, translation: DeckTranslation): Deck {
  const sourceIds = source.statements.map((s) => s.id).join(",");
  const translatedIds = translation.statements.map((s) => s.id).join(",");
  if (sourceIds !== translatedIds) throw new Error(`${translation.slug}: statements must be ${sourceIds}, found ${translatedIds}`);
  const columnIds = source.columns.map((c) => c.id).join(",");
  if (columnIds !== Object.keys(translation.columnLabels).join(",")) throw new Error(`${translation.slug}: columns must be ${columnIds}`);
  return {
    slug: translation.slug,
    title: translation.title,
    description: translation.description,
    language: translation.language,
    columns: source.columns.map((c) => ({ id: c.id, label: translation.columnLabels[c.id]! })),
    version: translation.version,
    statements: source.statements.map((s, i) => ({
      id: s.id,
      text: translation.statements[i]!.text,
      canonical: s.canonical,
      explanation: translation.statements[i]!.explanation,
    })),
  };
}
