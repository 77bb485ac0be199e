import type { Deck } from "@/lib/decks/types";
import type { Phase } from "@/lib/domain/phases";
import type { TimerState } from "@/lib/domain/timer";
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

export interface WorkshopStatePatch {
  phase?: Phase;
  round?: number;
  locked?: boolean;
  timer?: TimerState;
  discussionIndex?: number;
  showLiveSplits?: boolean;
  closedAt?: Date;
}

/** Updates live state; a phase change is recorded with its time in the same transaction. */
export async function updateWorkshopState(id: string, patch: WorkshopStatePatch, at: Date): Promise<void> {
  const data: Prisma.WorkshopUpdateInput = {
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
  if (patch.phase) {
    await db().$transaction([
      db().workshop.update({ where: { id }, data }),
      db().phaseEvent.create({ data: { workshopId: id, phase: patch.phase, round: patch.round ?? 1, at } }),
    ]);
  } else {
    await db().workshop.update({ where: { id }, data });
  }
}

export async function deleteWorkshop(id: string): Promise<void> {
  await db().workshop.delete({ where: { id } });
}
