import { expect, test } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";
import { ConsolePage, NewSessionForm } from "./pages/facilitator-pages";
import { PhonePage } from "./pages/phone-pages";

const REMOVED = "The facilitator removed you from this session.";

test("a removed participant cannot rejoin from the same phone, and the console still lists them as removed", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const signUp = new SignUpPage(host);
  await signUp.goto();
  await signUp.signUp(`e2e-removed-${Date.now()}@example.com`, "a long enough password", "Rhea");
  await host.waitForURL("**/dashboard");
  await new NewSessionForm(host).create("Leader or Manager?", { title: "Strict workshop" });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();

  const eve = await PhonePage.open(browser);
  const bo = await PhonePage.open(browser);
  await eve.joinByLink(code, "Eve");
  await bo.joinByLink(code, "Bo");
  await expect(eve.page.getByText(/You.re in, Eve/)).toBeVisible();
  await expect(host.getByRole("button", { name: "Kick Eve" })).toBeVisible();

  await console_.kick("Eve");
  await expect(eve.page.getByRole("heading", { name: REMOVED })).toBeVisible();
  await expect(host.getByText("Removed (1)")).toBeVisible();
  await expect(host.locator('[data-area="removed"]')).toContainText("Eve");
  await expect(host.getByRole("button", { name: "Kick Eve" })).toHaveCount(0);

  // Reloading, or opening the join link again, on the same phone: still removed, no join form.
  for (const visit of [() => eve.page.reload(), () => eve.page.goto(`/join/${code}`)]) {
    await visit();
    await expect(eve.page.getByRole("heading", { name: REMOVED })).toBeVisible();
    await expect(eve.page.getByLabel("Your nickname")).toHaveCount(0);
  }
  // …also once sorting has started.
  await console_.startSorting();
  await eve.page.reload();
  await expect(eve.page.getByRole("heading", { name: REMOVED })).toBeVisible();
  await expect(eve.page.getByLabel("Your nickname")).toHaveCount(0);

  // The others carry on, and a reloaded console still lists who was removed.
  await expect(bo.card()).toHaveAttribute("aria-label", /^Card 1 of \d+$/);
  await host.reload();
  await expect(host.locator('[data-area="removed"]')).toContainText("Removed (1): Eve.");
  await expect(host.getByRole("heading", { name: /^Participants/ })).toContainText("(1)");
});
