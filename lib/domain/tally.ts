import type { Deck } from "@/lib/decks/types";

/**
 * Live aggregate of where everyone has put each card: counts[statementId][columnId].
 *
 * Every deck statement has an entry with every deck column (starting at 0), so readers never
 * need to handle missing keys. The objects have a null prototype and are looked up with
 * Object.hasOwn, so ids such as "constructor" or "__proto__" cannot collide with Object
 * built-ins. They serialize to plain JSON objects as usual.
 */
export interface Tally {
  counts: Record<string, Record<string, number>>;
}

export interface Placement {
  statementId: string;
  column: string | null;
}

/** A tally with a 0 for every (statement, column) pair of the deck. */
export function emptyTally(deck: Deck): Tally {
  const counts = dict<Record<string, number>>();
  for (const statement of deck.statements) {
    const row = dict<number>();
    for (const column of deck.columns) row[column.id] = 0;
    counts[statement.id] = row;
  }
  return { counts };
}

/** Rebuild a tally from scratch (e.g. after a server restart). Unplaced cards and unknown ids/columns are skipped. */
export function tallyFromPlacements(deck: Deck, placements: Iterable<Placement>): Tally {
  const tally = emptyTally(deck);
  for (const { statementId, column } of placements) applyMove(tally, statementId, null, column);
  return tally;
}

/**
 * Record that one card moved from `from` to `to` (null = the unplaced pile).
 *
 * MUTATES `tally` in place: this runs on every drag of every participant, and copying the
 * whole tally each time would be wasteful. Callers that hand the tally to others (e.g. to
 * broadcast) should send a copy or a serialized snapshot.
 *
 * Unknown statements are ignored; an unknown column on either side is ignored on that side
 * only. A count never goes below 0, so a duplicated or out-of-order move cannot produce
 * negative numbers on the facilitator's screen.
 */
export function applyMove(tally: Tally, statementId: string, from: string | null, to: string | null): void {
  if (from === to) return;
  const row = own(tally.counts, statementId);
  if (row === undefined) return;
  if (from !== null) {
    const current = own(row, from);
    if (current !== undefined && current > 0) row[from] = current - 1;
  }
  if (to !== null) {
    const current = own(row, to);
    if (current !== undefined) row[to] = current + 1;
  }
}

function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
