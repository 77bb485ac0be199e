import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";

test("the home page loads and is titled SortRoom", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expect(page).toHaveTitle(/SortRoom/);
});

test("the health endpoint reports the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ db: "up" });
});

test("/favicon.ico is served (issue 14: it was 404)", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\//);
});
