import type { Prisma, PrismaClient } from "../generated/client";
import { BUILTIN_DECKS } from "@/lib/decks/builtin";
import type { Deck } from "@/lib/decks/types";

/** Writes the built-in decks, idempotently: a deck already at its version is left alone; an older
 *  one has its statements replaced. Sessions keep their own frozen snapshot, so this never
 *  changes a past session's results. Returns the slugs it wrote. */
export async function seedBuiltinDecks(prisma: PrismaClient, decks: readonly Deck[] = BUILTIN_DECKS): Promise<string[]> {
  const written: string[] = [];
  for (const deck of decks) {
    if (!deck.slug) continue;
    const slug = deck.slug;
    const existing = await prisma.deck.findUnique({ where: { slug }, select: { id: true, version: true } });
    if (existing && existing.version >= deck.version) continue;
    await prisma.$transaction(async (tx) => {
      const data = {
        title: deck.title,
        description: deck.description,
        language: deck.language,
        columns: deck.columns as unknown as Prisma.InputJsonValue,
        version: deck.version,
      };
      const row = existing
        ? await tx.deck.update({ where: { id: existing.id }, data })
        : await tx.deck.create({ data: { ...data, slug } });
      await tx.deckStatement.deleteMany({ where: { deckId: row.id } });
      await tx.deckStatement.createMany({
        data: deck.statements.map((s, position) => ({
          deckId: row.id,
          key: s.id,
          position,
          text: s.text,
          canonicalColumn: s.canonical,
          explanation: s.explanation,
        })),
      });
    });
    written.push(slug);
  }
  return written;
}
