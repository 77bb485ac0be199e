import type { DeckColumn } from "@/lib/decks/types";

/** Keyboard shortcuts of the card-by-card view, as pure functions so the mapping is testable.
 *  Arrows: ← first column, → second, ↑ third, ↓ fourth; digits 1–4; or a column's first letter
 *  when no other column starts with it. */

const ARROWS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

export function columnIndexForKey(key: string, columns: readonly DeckColumn[]): number | null {
  const arrow = ARROWS.indexOf(key);
  if (arrow >= 0) return arrow < columns.length ? arrow : null;
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < columns.length ? index : null;
  }
  if (key.length === 1) {
    const letter = key.toLocaleLowerCase();
    const matches = columns.flatMap((c, i) => (firstLetter(c.label) === letter ? [i] : []));
    return matches.length === 1 ? matches[0]! : null;
  }
  return null;
}

/** The letter shortcut of a column, or null when another column shares it. */
export function letterShortcut(column: DeckColumn, columns: readonly DeckColumn[]): string | null {
  const letter = firstLetter(column.label);
  if (!letter) return null;
  return columns.filter((c) => firstLetter(c.label) === letter).length === 1 ? letter.toLocaleUpperCase() : null;
}

export function arrowFor(index: number): string | null {
  return ["←", "→", "↑", "↓"][index] ?? null;
}

function firstLetter(label: string): string {
  return label.trim().charAt(0).toLocaleLowerCase();
}
