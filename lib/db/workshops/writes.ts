import type { Deck } from "@/lib/decks/types";
import type { Phase } from "@/lib/domain/phases";
import type { RoomPatch } from "@/lib/room/commands";
import { db } from "../client";
import { isUniqueViolation } from "../errors";
import type { Prisma, Workshop } from "../generated/client";

export interface NewWorkshop {
  ownerId: string;
  deckId: string | null;
  title: string;
  deck: Deck;
  maxRounds: number;
  cohortOptions: string[];
  presenterKey: string;
}

/** Creates a session with a fresh join code. `nextCode` is called again when a code is already
 *  used by an open session (the partial unique index decides, so two nodes cannot both win). */
export async function createWorkshop(input: NewWorkshop, nextCode: () => string, attempts = 8): Promise<Workshop> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().workshop.create({
        data: {
          ownerId: input.ownerId,
          deckId: input.deckId,
          title: input.title,
          deckSnapshot: input.deck as unknown as Prisma.InputJsonValue,
          maxRounds: input.maxRounds,
          cohortOptions: input.cohortOptions,
          presenterKey: input.presenterKey,
          code: nextCode(),
          phaseEvents: { create: { phase: "draft", round: 1 } },
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}

export type WorkshopStatePatch = RoomPatch & { closedAt?: Date };

/** Updates live state, compare-and-set: only while the row still has the `expected` phase and
 *  round (false otherwise), so two nodes can never both move a session on. A phase change is
 *  recorded with its time in the same transaction. */
export async function updateWorkshopState(id: string, patch: WorkshopStatePatch, at: Date, expected: { phase: Phase; round: number }): Promise<boolean> {
  const data: Prisma.WorkshopUpdateManyMutationInput = {
    phase: patch.phase,
    round: patch.round,
    locked: patch.locked,
    discussionIndex: patch.discussionIndex,
    showLiveSplits: patch.showLiveSplits,
    closedAt: patch.closedAt,
  };
  if (patch.timer) {
    data.timerEndsAt = patch.timer.endsAt === null ? null : new Date(patch.timer.endsAt);
    data.timerRemainingMs = patch.timer.remainingMs;
  }
  const where = { id, phase: expected.phase, round: expected.round };
  if (!patch.phase) return (await db().workshop.updateMany({ where, data })).count === 1;
  return db().$transaction(async (tx) => {
    if ((await tx.workshop.updateMany({ where, data })).count !== 1) return false;
    await tx.phaseEvent.create({ data: { workshopId: id, phase: patch.phase!, round: patch.round ?? expected.round, at } });
    return true;
  });
}
