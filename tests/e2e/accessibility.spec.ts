import { expect, test } from "@playwright/test";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import { SignInNeededPage, SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";
import { seriousViolations } from "./support/axe";

const deck = getBuiltinDeck("leader-or-manager")!;


test("sign-in, sign-up and home pages have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/", "/signin", "/signup"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("the sign-in-needed page (401) has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sessions");
  await expect(new SignInNeededPage(page).heading()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("phone view, console and presenter have no serious accessibility violations in any phase", async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await SignUpPage.newFacilitator(browser, "a11y");
  expect(await seriousViolations(host), "dashboard").toEqual([]);

  await new NewSessionForm(host).create("Leader or Manager?");
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.goto(await console_.presenterUrl());
  await console_.openLobby();

  const phone = new PhonePage(await (await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true })).newPage());
  await phone.page.goto(`/join/${code}`);
  expect(await seriousViolations(phone.page), "phone: join form").toEqual([]);
  await phone.joinByLink(code, "Axel");
  await expect(phone.page.getByText(/You.re in/)).toBeVisible();
  await expect(screen.getByText("Axel", { exact: true })).toBeVisible();
  expect(await seriousViolations(phone.page), "phone: lobby").toEqual([]);
  expect(await seriousViolations(host), "console: lobby").toEqual([]);
  expect(await seriousViolations(screen), "presenter: lobby").toEqual([]);

  await console_.startSorting();
  await phone.waitForCardNumber(1, deck.statements.length);
  expect(await seriousViolations(phone.page), "phone: sorting").toEqual([]);
  expect(await seriousViolations(host), "console: sorting").toEqual([]);
  expect(await seriousViolations(screen), "presenter: sorting").toEqual([]);
  for (let n = 1; n <= 3; n++) {
    await phone.waitForCardNumber(n, deck.statements.length);
    await phone.tap("Leader");
  }
  await phone.page.getByRole("button", { name: "Review" }).click();
  expect(await seriousViolations(phone.page), "phone: review board").toEqual([]);

  await console_.reveal();
  await phone.shownScore();
  expect(await seriousViolations(phone.page), "phone: result").toEqual([]);
  await expect(screen.getByRole("heading", { name: "How the room sorted it" })).toBeVisible();
  expect(await seriousViolations(screen), "presenter: reveal").toEqual([]);
  expect(await seriousViolations(host), "console: reveal").toEqual([]);
});
