import { expect, test, type Page } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";
import { NewSessionForm } from "./pages/facilitator-pages";
import { asFacilitator } from "./support/revealed-session";
import { expectNoSidewaysScroll } from "./support/three-column-session";

const LINKS = [
  { name: "Dashboard", href: "/dashboard" },
  { name: "Sessions & reports", href: "/sessions" },
  { name: "Decks", href: "/decks" },
  { name: "API tokens", href: "/settings/tokens" },
];

/** The facilitator navigation: one landmark, the same links, sign-out and language switch. */
async function expectNav(page: Page, current: string, marked: "page" | "true") {
  const navs = page.getByRole("navigation", { name: "Facilitator", exact: true });
  await expect(navs).toHaveCount(1);
  const links = navs.getByRole("link");
  await expect(links).toHaveText(LINKS.map((l) => l.name));
  for (const [i, link] of LINKS.entries()) {
    await expect(links.nth(i)).toHaveAttribute("href", link.href);
    if (link.name === current) await expect(links.nth(i)).toHaveAttribute("aria-current", marked);
    else await expect(links.nth(i)).not.toHaveAttribute("aria-current");
  }
  await expect(navs.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await expect(navs.getByRole("navigation", { name: "Language" }).getByRole("button", { name: "Italiano" })).toBeVisible();
}

/** Issue 14 walkthrough: facilitator pages had three different navigations. */
test("every facilitator page has the same navigation, marks where it is, works by keyboard and reflows at 320 px", async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await SignUpPage.newFacilitator(browser, "nav");
  const id = await new NewSessionForm(host).create("Leader or Manager?");
  const pages: [string, string, "page" | "true"][] = [
    ["/dashboard", "Dashboard", "page"],
    ["/sessions", "Sessions & reports", "page"],
    ["/decks", "Decks", "page"],
    ["/settings/tokens", "API tokens", "page"],
    [`/reports/${id}`, "Sessions & reports", "true"],
    ["/reports/compare", "Sessions & reports", "true"],
  ];
  for (const [path, current, marked] of pages) {
    await host.goto(path);
    await expectNav(host, current, marked);
  }

  // By keyboard: from the top of the page, Tab goes through the links in order.
  await host.goto("/decks");
  for (const link of LINKS) {
    await host.keyboard.press("Tab");
    await expect(host.getByRole("navigation", { name: "Facilitator", exact: true }).getByRole("link", { name: link.name })).toBeFocused();
  }
  await host.keyboard.press("Enter");
  await host.waitForURL("**/settings/tokens");

  // At 320 px it wraps: every link and the sign-out button in view, no sideways scroll.
  const narrow = await asFacilitator(browser, host, { viewport: { width: 320, height: 640 } });
  for (const [path] of pages) {
    await narrow.goto(path);
    const nav = narrow.getByRole("navigation", { name: "Facilitator", exact: true });
    for (const target of [...LINKS.map((l) => nav.getByRole("link", { name: l.name })), nav.getByRole("button", { name: "Sign out", exact: true })]) {
      const box = (await target.boundingBox())!;
      expect(box.x, `${path}: left edge in view`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${path}: right edge in view`).toBeLessThanOrEqual(320);
    }
    await expectNoSidewaysScroll(narrow, `${path} at 320 px`);
  }
});
