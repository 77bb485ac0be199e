import { codeProblem } from "@/lib/client/join-code";
import type { Translator } from "@/lib/i18n/translate";

/** lib/client/join-code's English reasons, keyed for translation. */
const KEYS = {
  "Type the code shown on the big screen.": "codeProblem.empty",
  "Codes never use O, 0, I, 1 or L. Check the code on the screen.": "codeProblem.confusable",
  "A code has only letters and digits, like ABC-234.": "codeProblem.foreign",
  "That is too short: a code has 6 letters and digits, like ABC-234.": "codeProblem.short",
  "That is too long: a code has 6 letters and digits, like ABC-234.": "codeProblem.long",
} as const;

/** Why a typed join code cannot be right, in the UI language; null when it looks fine. */
export function localizedCodeProblem(code: string, t: Translator["t"]): string | null {
  const problem = codeProblem(code);
  if (problem === null) return null;
  return Object.hasOwn(KEYS, problem) ? t(KEYS[problem as keyof typeof KEYS]) : problem;
}
