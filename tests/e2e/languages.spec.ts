import { expect, test } from "@playwright/test";

test("an Italian browser gets the Italian UI, and the switcher changes the language and remembers it", async ({ browser }) => {
  const context = await browser.newContext({ locale: "it-IT", extraHTTPHeaders: { "Accept-Language": "it-IT,it;q=0.9,en;q=0.5" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("button", { name: "Entra", exact: true })).toBeVisible();

  await page.getByRole("navigation", { name: "Lingua" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Join", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en"); // the choice beats the browser's language
  await context.close();
});
