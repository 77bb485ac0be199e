import type { Deck, DeckColumn } from "@/lib/decks/types";
import { db } from "../client";

export interface DeckSummary {
  id: string;
  slug: string | null;
  title: string;
  language: string;
  statements: number;
  builtIn: boolean;
}

/** Decks a facilitator can start a session from: the built-in ones and their own. */
export async function listDecksFor(ownerId: string): Promise<DeckSummary[]> {
  const rows = await db().deck.findMany({
    where: { OR: [{ ownerId: null }, { ownerId }] },
    orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { title: "asc" }],
    select: { id: true, slug: true, title: true, language: true, ownerId: true, _count: { select: { statements: true } } },
  });
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, language: r.language, statements: r._count.statements, builtIn: r.ownerId === null }));
}

/** A deck with its statements, in the domain's shape, plus who owns it (null = built in). */
export async function loadDeck(id: string): Promise<{ deck: Deck; ownerId: string | null } | null> {
  const row = await db().deck.findUnique({ where: { id }, include: { statements: { orderBy: { position: "asc" } } } });
  if (!row) return null;
  return {
    ownerId: row.ownerId,
    deck: {
      slug: row.slug ?? undefined,
      title: row.title,
      description: row.description,
      language: row.language,
      columns: row.columns as unknown as DeckColumn[],
      version: row.version,
      statements: row.statements.map((s) => ({ id: s.key, text: s.text, canonical: s.canonicalColumn, explanation: s.explanation })),
    },
  };
}

/** The id of the deck with this slug (only built-in decks have one), or null. */
export async function findDeckIdBySlug(slug: string): Promise<string | null> {
  return (await db().deck.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

/** Who owns a deck (null = built in) and its current version; null when there is no such deck. */
export function findDeckAccess(id: string): Promise<{ ownerId: string | null; version: number } | null> {
  return db().deck.findUnique({ where: { id }, select: { ownerId: true, version: true } });
}

export interface DeckListItem extends DeckSummary {
  description: string;
  columns: string[];
  version: number;
  updatedAt: Date;
  /** Sessions of this facilitator made from the deck (each keeps its own snapshot). */
  sessions: number;
}

/** The built-in decks and a facilitator's own, with what the deck list shows. Built-in first. */
export async function listDeckItemsFor(ownerId: string): Promise<DeckListItem[]> {
  const rows = await db().deck.findMany({
    where: { OR: [{ ownerId: null }, { ownerId }] },
    orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { title: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      language: true,
      ownerId: true,
      columns: true,
      version: true,
      updatedAt: true,
      _count: { select: { statements: true, workshops: { where: { ownerId } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    language: r.language,
    builtIn: r.ownerId === null,
    columns: (r.columns as unknown as DeckColumn[]).map((c) => c.label),
    version: r.version,
    updatedAt: r.updatedAt,
    statements: r._count.statements,
    sessions: r._count.workshops,
  }));
}
