import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { asFacilitator, revealedSession } from "./support/revealed-session";
import { expectNoSidewaysScroll } from "./support/three-column-session";

/** Issue 14 walkthrough: the report scrolled sideways at 360 px (the page was 472 px wide). */
test("the report at 360 px reflows: no sideways page scroll, wide tables and charts scroll in their own named box", async ({ browser }) => {
  test.setTimeout(120_000);
  const { host, id } = await revealedSession(browser, "report-360");
  const phone = await asFacilitator(browser, host, { viewport: { width: 360, height: 640 } });
  await phone.goto(`/reports/${id}`);
  await expect(phone.getByRole("heading", { level: 1 })).toBeVisible();

  const { scrollWidth, innerWidth } = await phone.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "page width at 360 px").toBeLessThanOrEqual(innerWidth);
  await expectNoSidewaysScroll(phone, "report at 360 px");

  // What is wider than the screen scrolls inside its own box, which says what it holds and is in
  // the tab order (WCAG 2.1.1: a keyboard user must be able to scroll it).
  const scrolling = await phone.locator("main *").evaluateAll((els) =>
    els
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth)
      .map((el, i) => {
        el.setAttribute("data-test-scrolls", String(i));
        return String(i);
      }),
  );
  expect(scrolling.length, "the report's tables and charts scroll in boxes of their own").toBeGreaterThan(0);
  for (const i of scrolling) {
    const box = phone.locator(`[data-test-scrolls="${i}"]`);
    await expect(box).toHaveAccessibleName(/\S/);
    await expect(box).toHaveAttribute("tabindex", "0");
  }
  expect(await seriousViolations(phone), "axe at 360 px").toEqual([]);
});
