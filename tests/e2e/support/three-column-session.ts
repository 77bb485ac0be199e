import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { SignUpPage } from "../pages/auth-pages";
import { ConsolePage, NewSessionForm } from "../pages/facilitator-pages";

/** For the issue 14 walkthrough specs: a 3-column session in its lobby, and geometry checks
 *  (nothing clipped or scrolled out of sight), never pixels. */

export const THREE_COLUMNS = [
  { id: "leader", label: "Leader" },
  { id: "manager", label: "Manager" },
  { id: "both", label: "Both" },
];
export const CARDS = [
  { id: "sets-direction", text: "Sets the direction", canonical: "leader" },
  { id: "keeps-budget", text: "Keeps the budget", canonical: "manager" },
  { id: "listens", text: "Listens to people", canonical: "both" },
];
export const labelOf = (text: string) => THREE_COLUMNS.find((c) => c.id === CARDS.find((s) => s.text === text)!.canonical)!.label;

/** A facilitator, a 3-column deck and a session in its lobby. */
export async function lobby(browser: Browser, tag: string): Promise<{ host: Page; console_: ConsolePage; code: string; id: string }> {
  const host = await SignUpPage.newFacilitator(browser, tag, "Ivo");
  const title = `Three columns ${tag} ${Date.now()}`;
  const deck = { title, description: "", language: "en", version: 1, columns: THREE_COLUMNS, statements: CARDS.map((s) => ({ ...s, explanation: "" })) };
  const response = await host.request.post("/api/decks", { data: { deck } });
  expect(response.status(), await response.text()).toBe(201);
  const id = await new NewSessionForm(host).create(title, { title: `Session ${tag}` });
  const console_ = new ConsolePage(host);
  const code = await console_.joinCode();
  await console_.openLobby();
  return { host, console_, code, id };
}

/** Neither clipped inside itself nor sticking out of `container`. */
export async function expectFullyInside(element: Locator, container: Locator, what: string): Promise<void> {
  const box = (await element.boundingBox())!;
  const outer = (await container.boundingBox())!;
  expect(box.x, `${what}: left edge inside`).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(box.x + box.width, `${what}: right edge inside`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  const clipped = await element.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(clipped, `${what}: not clipped`).toBe(false);
}

export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The outermost elements sticking out on the right, outside any scroll box of their own, to
    // name the culprit when this fails.
    const scrolls = (el: Element) => getComputedStyle(el).overflowX !== "visible";
    const inScrollBox = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (scrolls(up)) return true;
      return false;
    };
    const out = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 0.5 && !inScrollBox(el));
    const outer = out.filter((el) => !out.includes(el.parentElement!)).map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, widest: outer.slice(0, 5).join(", ") };
  });
  expect(scrollWidth, `${what}: page as wide as the viewport; sticking out: ${widest}`).toBeLessThanOrEqual(clientWidth);
}
