import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { SignUpPage } from "./pages/auth-pages";
import { DeckEditorPage } from "./pages/deck-editor-page";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";

const COLUMNS = ["Leader", "Manager", "Both"] as const;
/** [card text, canonical column label], as typed into the editor. */
const STATEMENTS = [
  ["Sets the direction", "Leader"],
  ["Keeps the budget", "Manager"],
  ["Owns the outcome", "Both"],
  ["Inspires the team", "Leader"],
  ["Plans the rota", "Manager"],
] as const;
const canonicalOf = new Map<string, string>(STATEMENTS);

/** Where each phone taps each card (by its text), as column labels. */
const plans: Record<string, (text: string) => string> = {
  Ana: (text) => (text === "Owns the outcome" ? "Leader" : canonicalOf.get(text)!), // one wrong
  Ben: () => "Both", // "Both" for everything
};
const expectedScore = (plan: (text: string) => string) => STATEMENTS.filter(([text, canonical]) => plan(text) === canonical).length;

interface Snapshot {
  columns: { id: string; label: string }[];
  statements: { id: string; text: string; canonical: string }[];
}

test("a user-made 3-column deck: built in the editor, played by two phones, scores shown and placements stored", async ({ browser }) => {
  test.setTimeout(90_000);
  const host = await SignUpPage.newFacilitator(browser, "deck-session", "Erin");

  const deckTitle = `Leader, manager or both ${Date.now()}`;
  await new DeckEditorPage(host).createDeck(deckTitle, COLUMNS, STATEMENTS);

  const workshopId = await new NewSessionForm(host).create(deckTitle, { title: "Deck session" });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();

  const phones = await PhonePage.joinEach(browser, code, Object.keys(plans));

  await console_.startSorting();
  const total = STATEMENTS.length;
  await Promise.all(
    Object.entries(phones).map(async ([name, phone]) => {
      await phone.sortByTapping(total, (text) => {
        expect(canonicalOf.has(text), `"${text}" is a statement of the deck`).toBe(true);
        return plans[name]!(text);
      });
    }),
  );
  await expect(host.getByText(/2 of 2 submitted/)).toBeVisible();
  await console_.reveal();

  for (const [name, phone] of Object.entries(phones)) {
    expect(await phone.shownScore(), `${name}'s shown score`).toEqual({ correct: expectedScore(plans[name]!), total });
  }

  // The session froze the deck as built in the editor; the placements are where the phones tapped.
  const [workshop] = await query<{ deck_snapshot: Snapshot }>(`SELECT deck_snapshot FROM workshops WHERE id = $1`, [workshopId]);
  const snapshot = workshop!.deck_snapshot;
  const labelOf = new Map(snapshot.columns.map((c) => [c.id, c.label]));
  expect(snapshot.columns.map((c) => c.label)).toEqual([...COLUMNS]);
  expect(snapshot.statements.map((s) => [s.text, labelOf.get(s.canonical)])).toEqual(STATEMENTS.map(([t, c]) => [t, c]));
  const textOf = new Map(snapshot.statements.map((s) => [s.id, s.text]));

  const rows = await query<{ nickname: string; statement_key: string; column: string | null; round: number }>(
    `SELECT p.nickname, pl.statement_key, pl."column", pl.round FROM placements pl JOIN participants p ON p.id = pl.participant_id WHERE pl.workshop_id = $1`,
    [workshopId],
  );
  expect(rows).toHaveLength(Object.keys(plans).length * total);
  for (const row of rows) {
    const text = textOf.get(row.statement_key);
    expect(text, `statement ${row.statement_key}`).toBeDefined();
    expect(row.round).toBe(1);
    expect(labelOf.get(row.column ?? ""), `${row.nickname} / ${text}`).toBe(plans[row.nickname]!(text!));
  }
  const scores = await query<{ nickname: string; score: number }>(
    `SELECT p.nickname, s.score FROM submissions s JOIN participants p ON p.id = s.participant_id WHERE s.workshop_id = $1`,
    [workshopId],
  );
  expect(Object.fromEntries(scores.map((r) => [r.nickname, r.score]))).toEqual(
    Object.fromEntries(Object.entries(plans).map(([name, plan]) => [name, expectedScore(plan)])),
  );
});
