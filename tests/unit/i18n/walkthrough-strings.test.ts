import { describe, expect, it as test } from "vitest";
import en from "@/lib/i18n/messages/en";
import it from "@/lib/i18n/messages/it";
import { createTranslator } from "@/lib/i18n/translate";

/** Issue 14 walkthrough: counted phrases agree with their count (Intl.PluralRules picks the form)
 *  in both languages, and no sentence is built from pieces that do not fit together. */
const EN = createTranslator("en", en);
const IT = createTranslator("it", it);

describe("counted phrases", () => {
  test("the console's discussion queue: one statement is singular in Italian", () => {
    expect(IT.tp("console.queueWrong", 1, { total: 10 })).toBe("1 affermazione su 10: la maggioranza ha scelto la colonna sbagliata.");
    expect(IT.tp("console.queueWrong", 3, { total: 10 })).toBe("3 affermazioni su 10: la maggioranza ha scelto la colonna sbagliata.");
    expect(EN.tp("console.queueWrong", 1, { total: 10 })).toBe("1 of 10 statements: most of the room chose the wrong column.");
  });

  test("the deck editor's statement count: one statement is singular in Italian", () => {
    const vars = { max: 100, length: 300 };
    expect(IT.tp("decks.editor.statementsHint", 1, vars)).toMatch(/^1 affermazione su un massimo di 100\. /);
    expect(IT.tp("decks.editor.statementsHint", 2, vars)).toMatch(/^2 affermazioni su un massimo di 100\. /);
    expect(EN.tp("decks.editor.statementsHint", 1, vars)).toMatch(/^1 of at most 100 statements\. /);
  });

  test("the projector's 'majority wrong first' line is two whole sentences, singular for one and plural for many", () => {
    // A wrong column, not "the other": a deck may have three or four columns.
    expect(EN.tp("present.wrongFirst", 1)).toBe("For 1 statement, most of the room chose a wrong column. It is shown first.");
    expect(EN.tp("present.wrongFirst", 3)).toBe("For 3 statements, most of the room chose a wrong column. They are shown first.");
    expect(IT.tp("present.wrongFirst", 1)).toBe("Per 1 affermazione la maggioranza della sala ha scelto una colonna sbagliata. È mostrata per prima.");
    expect(IT.tp("present.wrongFirst", 3)).toBe("Per 3 affermazioni la maggioranza della sala ha scelto una colonna sbagliata. Sono mostrate per prime.");
  });
});

test("the tokens page's API hint links 'your sessions' in a sentence that reads right in Italian", () => {
  const sentence = (t: typeof EN) => t.t("settings.tokens.howTo", { sessions: t.t("settings.tokens.yourSessions") });
  expect(sentence(IT)).toBe("Come chiamare l’API: trovi gli id tra le tue sessioni, la documentazione in docs/api.md nel repository di SortRoom.");
  expect(sentence(EN)).toBe("How to call the API: see your sessions for ids, and docs/api.md in the SortRoom repository.");
});
