import { expect, test } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";
import { createDeck, label, STATEMENTS } from "./support/two-column-deck";

/** Issue 14, walkthrough bugs about joining: a latecomer is told the truth, an unknown code is
 *  refused before a nickname is asked, and a known code lands the focus in the nickname field. */

const TOO_LATE = "Too late to join this session";
const LOBBY_NOT_OPEN = "This session has not opened its lobby yet";

test("joining after the reveal says it is too late, never 'wait for the lobby', whether the page was opened before or after", async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await SignUpPage.newFacilitator(browser, "late-join", "Lea");
  const deckTitle = `Late deck ${Date.now()}`;
  await createDeck(host, deckTitle);
  await new NewSessionForm(host).create(deckTitle, { title: "Late session" });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  await console_.startSorting();

  // This phone opens the join page while sorting, and types its nickname only after the reveal.
  const early = await PhonePage.open(browser);
  await early.page.goto(`/join/${code}`);
  await expect(early.page.getByLabel("Your nickname")).toBeVisible();

  await ana!.sortByTapping(STATEMENTS.length, (text) => label(STATEMENTS.find((s) => s.text === text)!.canonical));
  await console_.reveal();
  await expect(ana!.page.getByText("cards in the right column")).toBeVisible();

  await early.page.getByLabel("Your nickname").fill("Bo");
  await early.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(early.page.getByRole("heading", { name: TOO_LATE })).toBeVisible();
  await expect(early.page.getByText(LOBBY_NOT_OPEN)).toHaveCount(0);

  // A phone that opens the link after the reveal is told at once, without a nickname form.
  const late = await PhonePage.open(browser);
  await late.page.goto(`/join/${code}`);
  await expect(late.page.getByRole("heading", { name: TOO_LATE })).toBeVisible();
  await expect(late.page.getByLabel("Your nickname")).toHaveCount(0);
  await expect(late.page.getByText(LOBBY_NOT_OPEN)).toHaveCount(0);

  // Ana, who joined in time, still sees her result after a reload.
  await ana!.page.reload();
  await expect(ana!.page.getByText("cards in the right column")).toBeVisible({ timeout: 30_000 });
});

test("an unknown code is refused on the code page, before any nickname is asked", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByLabel("Session code").fill("XQ7W9K");
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await page.waitForURL(/\/join\/XQ7W9K$/);
  await expect(page.getByText("No session is open with the code XQ7-W9K.")).toBeVisible();
  await expect(page.getByLabel("Session code")).toBeVisible();
  await expect(page.getByLabel("Your nickname")).toHaveCount(0);
});

test("after entering a known code the focus is in the nickname field", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await SignUpPage.newFacilitator(browser, "focus-join", "Fay");
  await new NewSessionForm(host).create("Leader or Manager?", { title: "Focus session" });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();

  const phone = await PhonePage.open(browser);
  await phone.page.goto("/");
  await phone.page.getByLabel("Session code").fill(code);
  await phone.page.getByRole("button", { name: "Join", exact: true }).click();
  await phone.page.waitForURL(/\/join\/[A-Z0-9]+$/);
  await expect(phone.page.getByLabel("Your nickname")).toBeFocused();
});
