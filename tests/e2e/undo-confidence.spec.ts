import { expect, test } from "@playwright/test";
import { PhonePage } from "./pages/phone-pages";
import { CARDS, labelOf, lobby } from "./support/three-column-session";

/** Issue 14 walkthrough: Undo on the phone restores no "Sure" the card does not have. */
test("Undo brings a card back as it was: without the 'Sure' it was placed with", async ({ browser }) => {
  test.setTimeout(120_000);
  const { console_, code } = await lobby(browser, "undo");
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  const phone = ana!.page;
  await console_.startSorting();

  // Undo: the card comes back as it was before it was placed, without the "Sure" it was placed with.
  await ana!.waitForCardNumber(1, CARDS.length);
  const first = await ana!.currentCardText();
  await phone.getByRole("button", { name: "Sure", exact: true }).click();
  await expect(phone.getByRole("button", { name: "Sure", exact: true })).toHaveAttribute("aria-pressed", "true");
  await ana!.tap(labelOf(first));
  await ana!.waitForCardNumber(2, CARDS.length);
  await phone.getByRole("button", { name: "Undo" }).click();
  await ana!.waitForCardNumber(1, CARDS.length);
  expect(await ana!.currentCardText()).toBe(first);
  await expect(phone.getByRole("button", { name: "Sure", exact: true })).toHaveAttribute("aria-pressed", "false");
});
