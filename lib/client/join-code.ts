import { isWellFormedJoinCode, JOIN_CODE_ALPHABET } from "@/lib/domain/joinCode";

/** Why a typed (already normalized) join code cannot be right, in plain words; null when it
 *  looks fine. The server has the last word; this only saves a round trip for obvious typos. */
export function codeProblem(code: string): string | null {
  if (code === "") return "Type the code shown on the big screen.";
  const foreign = [...code].filter((ch) => !JOIN_CODE_ALPHABET.includes(ch));
  if (foreign.some((ch) => "0O1IL".includes(ch))) return "Codes never use O, 0, I, 1 or L. Check the code on the screen.";
  if (foreign.length > 0) return "A code has only letters and digits, like ABC-234.";
  if (code.length < 6) return "That is too short: a code has 6 letters and digits, like ABC-234.";
  if (!isWellFormedJoinCode(code)) return "That is too long: a code has 6 letters and digits, like ABC-234.";
  return null;
}
