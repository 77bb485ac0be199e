import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { asFacilitator, revealedSession } from "./support/revealed-session";

/** The page's background and text colours, as the page frame (<main>) paints them. */
const colours = (page: Page) =>
  page.locator("main").first().evaluate((main) => {
    const style = getComputedStyle(main);
    return { background: style.backgroundColor, text: style.color };
  });

/** Relative luminance of an "rgb(r, g, b)" colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Issue 14 walkthrough: the sessions list, report, compare and tokens pages stayed light in
 *  dark mode. They take the facilitator palette's dark tokens, the dashboard's. */
test("dark mode: sessions, report, compare and tokens use the facilitator dark palette, with no serious axe findings", async ({ browser }) => {
  test.setTimeout(150_000);
  const { host, id } = await revealedSession(browser, "dark");
  const dark = await asFacilitator(browser, host, { viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
  await dark.goto("/dashboard");
  const palette = await colours(dark);
  expect(luminance(palette.background), "the dashboard's dark background").toBeLessThan(0.05);
  expect(luminance(palette.text), "the dashboard's light text").toBeGreaterThan(0.7);

  await dark.goto("/reports/compare");
  const compare = dark.locator("main").getByRole("link", { name: /^Three columns dark/ });
  const pages = { sessions: "/sessions", report: `/reports/${id}`, compare: (await compare.getAttribute("href"))!, tokens: "/settings/tokens" };
  for (const [name, path] of Object.entries(pages)) {
    await dark.goto(path);
    await expect(dark.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await colours(dark), `${name}: background and text`).toEqual(palette);
    expect(await seriousViolations(dark), `${name}: axe in dark mode`).toEqual([]);
  }
});
