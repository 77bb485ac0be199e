import { MAX_TITLE_LENGTH } from "@/lib/decks/schema";
import type { Deck } from "@/lib/decks/types";
import { db } from "../client";
import type { Prisma } from "../generated/client";

/**
 * Writes of user-made decks. Ids are explicit and there are no permission checks here: route
 * handlers and server actions check that the deck's owner is the signed-in facilitator. Callers
 * pass decks that went through parseDeck. Built-in decks (no owner) belong to seeding
 * (seed-builtin.ts): these functions never change or delete one, though one can be duplicated.
 * Sessions keep a frozen snapshot of their deck, so none of this changes a past session.
 */

type Tx = Prisma.TransactionClient;

const deckData = (deck: Deck) => ({
  title: deck.title,
  description: deck.description,
  language: deck.language,
  columns: deck.columns.map(({ id, label }) => ({ id, label })) as unknown as Prisma.InputJsonValue,
});

const statementRows = (deckId: string, deck: Pick<Deck, "statements">) =>
  deck.statements.map((s, position) => ({
    deckId,
    key: s.id,
    position,
    text: s.text,
    canonicalColumn: s.canonical,
    explanation: s.explanation,
  }));

async function insertDeck(tx: Tx, ownerId: string, deck: Deck): Promise<{ id: string; version: number }> {
  // A user deck starts at version 1 and never takes a slug (slugs name the built-in decks).
  const row = await tx.deck.create({ data: { ...deckData(deck), ownerId, version: 1 }, select: { id: true, version: true } });
  await tx.deckStatement.createMany({ data: statementRows(row.id, deck) });
  return row;
}

/** Creates a deck owned by `ownerId`, at version 1. */
export function createDeck(ownerId: string, deck: Deck): Promise<{ id: string; version: number }> {
  return db().$transaction((tx) => insertDeck(tx, ownerId, deck));
}

export type UpdateDeckResult =
  | { ok: true; version: number }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "read-only" }
  | { ok: false; reason: "version-conflict"; currentVersion: number };

/** Replaces a user deck's content and statements in one transaction and bumps its version. With
 *  `expectedVersion`, only updates a deck still at that version (so a save from a stale editor
 *  cannot silently overwrite a newer one). */
export function updateDeck(id: string, deck: Deck, options: { expectedVersion?: number } = {}): Promise<UpdateDeckResult> {
  return db().$transaction(async (tx): Promise<UpdateDeckResult> => {
    const { count } = await tx.deck.updateMany({
      where: { id, ownerId: { not: null }, ...(options.expectedVersion !== undefined ? { version: options.expectedVersion } : {}) },
      data: { ...deckData(deck), version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) {
      const current = await tx.deck.findUnique({ where: { id }, select: { ownerId: true, version: true } });
      if (!current) return { ok: false, reason: "not-found" };
      if (current.ownerId === null) return { ok: false, reason: "read-only" };
      return { ok: false, reason: "version-conflict", currentVersion: current.version };
    }
    await tx.deckStatement.deleteMany({ where: { deckId: id } });
    await tx.deckStatement.createMany({ data: statementRows(id, deck) });
    const { version } = await tx.deck.findUniqueOrThrow({ where: { id }, select: { version: true } });
    return { ok: true, version };
  });
}

/** The title of a copy: "<title> (copy)", shortened to fit the title limit. */
export function copyTitle(title: string): string {
  const suffix = " (copy)";
  return title.length + suffix.length <= MAX_TITLE_LENGTH ? title + suffix : `${title.slice(0, MAX_TITLE_LENGTH - suffix.length - 1).trimEnd()}…${suffix}`;
}

/** Copies any deck (built-in or user-made) into a new deck owned by `ownerId`, titled "… (copy)"
 *  unless a title is given. Null when the source does not exist. */
export function duplicateDeck(id: string, ownerId: string, title?: string): Promise<{ id: string; version: number } | null> {
  return db().$transaction(async (tx) => {
    const source = await tx.deck.findUnique({ where: { id }, include: { statements: { orderBy: { position: "asc" } } } });
    if (!source) return null;
    const row = await tx.deck.create({
      data: {
        ownerId,
        version: 1,
        title: title ?? copyTitle(source.title),
        description: source.description,
        language: source.language,
        columns: source.columns as Prisma.InputJsonValue,
      },
      select: { id: true, version: true },
    });
    await tx.deckStatement.createMany({
      data: source.statements.map((s) => ({
        deckId: row.id,
        key: s.key,
        position: s.position,
        text: s.text,
        canonicalColumn: s.canonicalColumn,
        explanation: s.explanation,
      })),
    });
    return row;
  });
}

/** Deletes a user deck and its statements. Sessions made from it keep their snapshot (their
 *  deck link is cleared). False when there is no such user deck. */
export async function deleteDeck(id: string): Promise<boolean> {
  const { count } = await db().deck.deleteMany({ where: { id, ownerId: { not: null } } });
  return count > 0;
}
