import { expect, test } from "@playwright/test";
import { PhonePage } from "./pages/phone-pages";
import { CARDS, labelOf, lobby } from "./support/three-column-session";

/** Issue 14 walkthrough: the phone result's list of right cards looks like what it is, a disclosure. */
test("the phone result's 'Cards you got right' shows it opens, and turns its icon when opened", async ({ browser }) => {
  test.setTimeout(120_000);
  const { console_, code } = await lobby(browser, "result");
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  const phone = ana!.page;
  await console_.startSorting();

  // The result: "Cards you got right" shows it can be opened.
  await ana!.sortByTapping(CARDS.length, labelOf);
  await console_.reveal();
  const summary = phone.locator("summary", { hasText: "Cards you got right (3)" });
  await expect(summary).toBeVisible();
  const icon = summary.locator("svg");
  await expect(icon).toBeVisible();
  const closed = await icon.evaluate((el) => getComputedStyle(el).transform);
  await summary.click();
  await expect(phone.getByText("Keeps the budget")).toBeVisible();
  expect(await icon.evaluate((el) => getComputedStyle(el).transform), "the icon turns when opened").not.toBe(closed);
});
