import { expect, test } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";

/** Issue 14 walkthrough: a refused "New session" keeps what was typed and names the wrong line. */
test("a too-long group line is named by its line, and the title, rounds and groups are kept", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await SignUpPage.newFacilitator(browser, "session-form", "Gus");
  const tooLong = "A group name far too long to fit in forty characters";
  const groups = `Team A\nTeam B\n${tooLong}`;
  await page.getByRole("textbox", { name: /Title/ }).fill("Keep this title");
  await page.getByLabel("2 rounds").check();
  await page.getByRole("textbox", { name: /Groups/ }).fill(groups);
  await page.getByRole("button", { name: "Create session" }).click();

  await expect(page.locator("#new-session-error")).toContainText("line 3");
  await expect(page.locator("#new-session-error")).toContainText(tooLong);
  expect(page.url()).toMatch(/\/dashboard$/);
  await expect(page.getByRole("textbox", { name: /Title/ })).toHaveValue("Keep this title");
  await expect(page.getByLabel("2 rounds")).toBeChecked();
  await expect(page.getByRole("textbox", { name: /Groups/ })).toHaveValue(groups);

  // Fixed, the same form creates the session.
  await page.getByRole("textbox", { name: /Groups/ }).fill("Team A\nTeam B\nTeam C");
  await page.getByRole("button", { name: "Create session" }).click();
  await page.waitForURL(/\/console\/[0-9a-f-]{36}$/);
});
