import type { PhaseView } from "@/lib/protocol/views";

/** A phase view while sorting round 1 of 1, unlocked, without a timer; override what a case needs. */
export function phaseView(overrides: Partial<PhaseView> = {}): PhaseView {
  return {
    phase: "sorting",
    round: 1,
    maxRounds: 1,
    locked: false,
    timer: { endsAt: null, remainingMs: null },
    discussionIndex: 0,
    showLiveSplits: false,
    serverNow: 1_000_000,
    ...overrides,
  };
}
