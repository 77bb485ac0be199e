import { describe, expect, it } from "vitest";
import { parseTimerMinutes, TIMER_FIELD_MAX_MINUTES, TIMER_FIELD_MIN_MINUTES } from "@/lib/client/timer-minutes";
import en from "@/lib/i18n/messages/en";
import it_ from "@/lib/i18n/messages/it";
import { createTranslator } from "@/lib/i18n/translate";

describe("the console's timer field (whole minutes, 1 to 120)", () => {
  it.each([
    ["5", 300],
    [" 12 ", 720],
    ["1", 60],
    ["120", 7200],
    ["", null],
  ])("%j → %j seconds", (raw, seconds) => {
    expect(parseTimerMinutes(raw)).toEqual({ ok: true, seconds });
  });

  it.each(["0.5", "0,5", "2.5", "0", "-3", "121"])("%j is out of range (issue 14: 0.5 was taken)", (raw) => {
    expect(parseTimerMinutes(raw)).toEqual({ ok: false, problem: "outOfRange" });
  });

  it("refuses what is not a number", () => {
    expect(parseTimerMinutes("five")).toEqual({ ok: false, problem: "notANumber" });
  });

  it("says the range it takes, in minutes, in both languages", () => {
    const vars = { min: TIMER_FIELD_MIN_MINUTES, max: TIMER_FIELD_MAX_MINUTES };
    expect(createTranslator("en", en).t("nextStep.timerRange", vars)).toBe("A timer runs from 1 to 120 minutes, in whole minutes.");
    expect(createTranslator("it", it_).t("nextStep.timerRange", vars)).toBe("Un timer va da 1 a 120 minuti, in minuti interi.");
  });
});
