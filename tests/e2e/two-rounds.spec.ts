import { expect, test } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";
import { ReportPage } from "./pages/report-page";
import { byText, createDeck, label, other, STATEMENTS, type StatementId } from "./support/two-column-deck";


/** Column id per statement, per participant, per round. */
type Plan = Record<StatementId, string>;
const right = Object.fromEntries(STATEMENTS.map((s) => [s.id, s.canonical])) as Plan;
const plans: Record<string, [Plan, Plan]> = {
  // round 1: one wrong; round 2: fixes it.
  Ana: [{ ...right, "keeps-the-budget": other("manager") }, right],
  // round 1: two wrong; round 2: fixes one, keeps one, breaks a right one.
  Ben: [
    { ...right, "sets-the-direction": other("leader"), "inspires-people": other("leader") },
    { ...right, "inspires-people": other("leader"), "plans-the-rota": other("manager") },
  ],
};
const score = (plan: Plan) => STATEMENTS.filter((s) => plan[s.id] === s.canonical).length;

/** The changed-mind figures, computed here from the plans. */
function changedMind() {
  const statements = STATEMENTS.map((s) => {
    let changed = 0;
    let toCorrect = 0;
    let toWrong = 0;
    const moves = new Map<string, number>();
    for (const [r1, r2] of Object.values(plans)) {
      const from = r1[s.id];
      const to = r2[s.id];
      if (from === to) continue;
      changed++;
      if (to === s.canonical) toCorrect++;
      if (from === s.canonical) toWrong++;
      const key = `${label(from)} → ${label(to)}`;
      moves.set(key, (moves.get(key) ?? 0) + 1);
    }
    return { s, changed, toCorrect, toWrong, moves };
  });
  const participantsChanged = Object.values(plans).filter(([r1, r2]) => STATEMENTS.some((s) => r1[s.id] !== r2[s.id])).length;
  return { statements, participantsChanged };
}

test("two rounds: the room sorts again, and the report shows who changed their mind, per statement and direction", async ({ browser }) => {
  test.setTimeout(90_000);
  const host = await SignUpPage.newFacilitator(browser, "two-rounds", "Erin");
  const deckTitle = `Two rounds deck ${Date.now()}`;
  await createDeck(host, deckTitle);

  const workshopId = await new NewSessionForm(host).create(deckTitle, { title: "Two rounds", rounds: 2 });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();

  const phones = await PhonePage.joinEach(browser, code, Object.keys(plans));

  const total = STATEMENTS.length;
  const playRound = async (round: 0 | 1) => {
    await Promise.all(
      Object.entries(phones).map(([name, phone]) =>
        phone.sortByTapping(total, (text) => {
          const s = byText.get(text);
          expect(s, `"${text}" is a statement of the deck`).toBeDefined();
          return label(plans[name]![round][s!.id]);
        }),
      ),
    );
    await expect(host.getByText(/2 of 2 submitted/)).toBeVisible();
    await console_.reveal();
    for (const [name, phone] of Object.entries(phones)) {
      expect(await phone.shownScore(), `${name}'s shown score in round ${round + 1}`).toEqual({ correct: score(plans[name]![round]), total });
    }
  };

  await console_.startSorting();
  await playRound(0);
  await console_.startNextRound(2);
  await playRound(1);

  const report = new ReportPage(host);
  await report.goto(workshopId);
  const expected = changedMind();
  const region = report.changedMindRegion();
  await expect(region.getByRole("heading")).toHaveText("Changed minds: round 1 → round 2");
  const sum = (k: "changed" | "toCorrect" | "toWrong") => expected.statements.reduce((acc, x) => acc + x[k], 0);
  await expect(region).toContainText(
    `Of ${Object.keys(plans).length} participants in both rounds, ${expected.participantsChanged} moved at least one card to another column (${sum("changed")} moves in all). ` +
      `${sum("toCorrect")} cards went from wrong (or unplaced) to right, ${sum("toWrong")} from right to wrong (or unplaced).`,
  );
  const rows = await report.rows(report.changedMindTable());
  expect(rows).toEqual(
    expected.statements.map(({ s, changed, toCorrect, toWrong, moves }, i) => [
      String(i + 1),
      s.text,
      label(s.canonical),
      String(changed),
      String(toCorrect),
      String(toWrong),
      moves.size === 0 ? "—" : [...moves].map(([move, count]) => `${move}: ${count}`).join("; "),
    ]),
  );
});
