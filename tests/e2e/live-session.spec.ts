import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import { query } from "./support/db";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";

const deck = getBuiltinDeck("leader-or-manager")!;
const byText = new Map(deck.statements.map((s, index) => [s.text, { ...s, index }]));
const label = (columnId: string) => deck.columns.find((c) => c.id === columnId)!.label;
const other = (columnId: string) => deck.columns.find((c) => c.id !== columnId)!.id;

type Plan = (statement: { canonical: string; index: number }) => string;
/** Where each phone puts each card, by the card's place in the deck (phones see shuffled orders). */
const plans: Record<string, Plan> = {
  Dana: (s) => (s.index < 4 ? other(s.canonical) : s.canonical), // drags; four wrong
  Tom: () => "leader", // taps "Leader" for everything
  Kim: (s) => (s.index % 2 === 0 ? s.canonical : other(s.canonical)), // keyboard; every other one wrong
};
const expectedScore = (plan: Plan) => deck.statements.filter((s, index) => plan({ canonical: s.canonical, index }) === s.canonical).length;

async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
}

test("a whole session: create, join by code and by link, sort by drag, tap and keyboard, reveal, scores stored", async ({ browser }) => {
  test.setTimeout(240_000);
  const facilitator = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const host = await facilitator.newPage();
  const signUp = new SignUpPage(host);
  await signUp.goto();
  await signUp.signUp(`e2e-${Date.now()}@example.com`, "a long enough password", "Erin");
  await host.waitForURL("**/dashboard");

  const workshopId = await new NewSessionForm(host).create("Leader or Manager?", { title: "E2E workshop" });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  const projector = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await projector.newPage();
  await screen.goto(await console_.presenterUrl());
  await console_.openLobby();
  await expect(screen.getByLabel(`Code ${code.split("").join(" ")}`)).toBeVisible();

  const phones: Record<string, PhonePage> = {};
  for (const name of Object.keys(plans)) phones[name] = new PhonePage(await (await phoneContext(browser)).newPage());
  await phones.Dana!.joinFromHome(code.toLowerCase(), "Dana");
  await phones.Tom!.joinByLink(code, "Tom");
  await phones.Kim!.joinByLink(code, "Kim");
  for (const name of Object.keys(plans)) {
    await expect(phones[name]!.page.getByText(new RegExp(`You.re in, ${name}`))).toBeVisible();
    await expect(screen.getByText(name, { exact: true })).toBeVisible();
  }

  await console_.startSorting();
  const total = deck.statements.length;
  await Promise.all(
    Object.entries(phones).map(async ([name, phone]) => {
      for (let n = 1; n <= total; n++) {
        await phone.waitForCardNumber(n, total);
        const statement = byText.get(await phone.currentCardText());
        expect(statement, "the card shown is a deck statement").toBeDefined();
        const column = plans[name]!(statement!);
        if (name === "Dana") await phone.drag(column === deck.columns[0]!.id ? "left" : "right");
        else if (name === "Tom") await phone.tap(label(column));
        else await phone.key(column === deck.columns[0]!.id ? "ArrowLeft" : "ArrowRight");
      }
      await phone.submit();
    }),
  );

  await expect(host.getByText(/3 of 3 submitted/)).toBeVisible();
  await console_.reveal();
  for (const [name, phone] of Object.entries(phones)) {
    expect(await phone.shownScore(), `${name}'s shown score`).toEqual({ correct: expectedScore(plans[name]!), total });
  }
  await expect(screen.getByRole("heading", { name: "How the room sorted it" })).toBeVisible();

  // The database holds every placement where each phone put it, and the same scores.
  const rows = await query<{ nickname: string; statement_key: string; column: string }>(
    `SELECT p.nickname, pl.statement_key, pl."column" FROM placements pl JOIN participants p ON p.id = pl.participant_id WHERE pl.workshop_id = $1`,
    [workshopId],
  );
  expect(rows).toHaveLength(3 * total);
  for (const row of rows) {
    const s = deck.statements.findIndex((x) => x.id === row.statement_key);
    expect(row.column, `${row.nickname} / ${row.statement_key}`).toBe(plans[row.nickname]!({ canonical: deck.statements[s]!.canonical, index: s }));
  }
  const scores = await query<{ nickname: string; score: number }>(
    `SELECT p.nickname, s.score FROM submissions s JOIN participants p ON p.id = s.participant_id WHERE s.workshop_id = $1`,
    [workshopId],
  );
  expect(Object.fromEntries(scores.map((r) => [r.nickname, r.score]))).toEqual(
    Object.fromEntries(Object.entries(plans).map(([name, plan]) => [name, expectedScore(plan)])),
  );
});
