import { expect, test, type Browser } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";
import { seriousViolations } from "./support/axe";

const BANNED = "The facilitator removed you from this session.";
const KICKED = "The facilitator removed you. You can join again with another nickname.";

/** A signed-up facilitator's console for a new session, with the lobby open. */
async function openSession(browser: Browser, title: string): Promise<{ console_: ConsolePage; code: string }> {
  const host = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const signUp = new SignUpPage(host);
  await signUp.goto();
  await signUp.signUp(`e2e-removed-${Date.now()}@example.com`, "a long enough password", "Rhea");
  await host.waitForURL("**/dashboard");
  await new NewSessionForm(host).create("Leader or Manager?", { title });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();
  return { console_, code };
}

test("a kicked participant can join again from the same phone, as someone new with another nickname", async ({ browser }) => {
  test.setTimeout(120_000);
  const { console_, code } = await openSession(browser, "Kick workshop");
  const host = console_.page;
  const eve = await PhonePage.open(browser);
  const bo = await PhonePage.open(browser);
  await eve.joinByLink(code, "Eve");
  await bo.joinByLink(code, "Bo");
  await expect(eve.page.getByText(/You.re in, Eve/)).toBeVisible();

  await console_.kick("Eve");
  // The phone says why and offers the join form straight away.
  await expect(eve.page.getByRole("alert").filter({ hasText: KICKED })).toBeVisible();
  await expect(eve.page.getByLabel("Your nickname")).toBeVisible();
  expect(await seriousViolations(eve.page), "phone: kicked, join form").toEqual([]);
  await expect(console_.removed()).toContainText("Kicked (1): Eve.");
  await expect(console_.removed()).not.toContainText("Banned");
  await expect(host.getByRole("button", { name: "Kick Eve" })).toHaveCount(0);
  await expect(console_.participantsHeading()).toContainText("(1)");

  // Not as "Eve" (that participant was removed), but under another nickname.
  await eve.page.getByLabel("Your nickname").fill("Eve");
  await eve.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(eve.page.getByText("Someone in this session already uses that nickname. Pick another.")).toBeVisible();
  await eve.page.getByLabel("Your nickname").fill("Eva");
  await eve.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(eve.page.getByText(/You.re in, Eva/)).toBeVisible();
  await expect(host.getByRole("button", { name: "Kick Eva" })).toBeVisible();
  await expect(console_.participantsHeading()).toContainText("(2)");

  // The phone is Eva now: a reload comes back as her, not to the removed screen or the form.
  await eve.page.reload();
  await expect(eve.page.getByText(/You.re in, Eva/)).toBeVisible();
  await expect(eve.page.getByText(KICKED)).toHaveCount(0);
});

test("a banned participant cannot rejoin from the same phone until the facilitator unbans them", async ({ browser }) => {
  test.setTimeout(120_000);
  const { console_, code } = await openSession(browser, "Strict workshop");
  const host = console_.page;
  const mal = await PhonePage.open(browser);
  await mal.joinByLink(code, "Mal");
  await expect(mal.page.getByText(/You.re in, Mal/)).toBeVisible();

  // Ban asks first; Escape backs out and changes nothing.
  const question = await console_.askToBan("Mal");
  await expect(question.getByRole("button", { name: "Ban", exact: true })).toBeFocused();
  expect(await seriousViolations(host), "console: ban confirmation").toEqual([]);
  await host.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(host.getByRole("button", { name: "Ban Mal" })).toBeFocused();
  await expect(mal.page.getByText(/You.re in, Mal/)).toBeVisible();

  await console_.ban("Mal");
  await expect(mal.page.getByRole("heading", { name: BANNED })).toBeVisible();
  await expect(console_.removed()).toContainText("Banned (1)");
  await expect(console_.removed().getByRole("listitem")).toContainText("Mal");
  await expect(console_.removed()).not.toContainText("Kicked");
  // Everyone who joined was removed: the empty table says so, not that nobody came.
  await expect(host.getByText("Everyone who joined has been removed.", { exact: false })).toBeVisible();
  await expect(host.getByText("Nobody has joined yet", { exact: false })).toHaveCount(0);
  expect(await seriousViolations(host), "console: banned list").toEqual([]);

  // Reloading, or opening the join link again, on the same phone: still removed, no join form.
  for (const visit of [() => mal.page.reload(), () => mal.page.goto(`/join/${code}`)]) {
    await visit();
    await expect(mal.page.getByRole("heading", { name: BANNED })).toBeVisible();
    await expect(mal.page.getByLabel("Your nickname")).toHaveCount(0);
  }
  // …also once sorting has started, and a reloaded console still lists the ban.
  await console_.startSorting();
  await mal.page.reload();
  await expect(mal.page.getByRole("heading", { name: BANNED })).toBeVisible();
  await host.reload();
  await expect(console_.removed()).toContainText("Banned (1)");

  // Unban: listed as removed (kicked) now, and the phone may join again as someone new.
  await console_.unban("Mal");
  await expect(console_.removed()).toContainText("Kicked (1): Mal.");
  await expect(host.getByRole("button", { name: "Unban Mal" })).toHaveCount(0);
  await mal.page.reload();
  await expect(mal.page.getByRole("alert").filter({ hasText: KICKED })).toBeVisible();
  await mal.page.getByLabel("Your nickname").fill("Mal 2");
  await mal.page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(mal.card()).toHaveAttribute("aria-label", /^Card 1 of \d+$/);
  await expect(host.getByRole("button", { name: "Ban Mal 2" })).toBeVisible();
});
