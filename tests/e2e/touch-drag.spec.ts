import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { PhonePage } from "./pages/phone-pages";
import { CARDS, lobby } from "./support/three-column-session";

/** A finger on the touch screen, through Chromium's own touch input (touch and pointer events
 *  as a real phone fires them). */
async function finger(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  return { down: (x: number, y: number) => touch("touchStart", x, y), move: (x: number, y: number) => touch("touchMove", x, y), up: () => touch("touchEnd", 0, 0) };
}

const centre = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Issue 14 walkthrough: dragged by touch, the card slid under the column buttons. */
test("touch drag: the dragged card stays above the column buttons and drops in the column it is let go on", async ({ browser }) => {
  test.setTimeout(120_000);
  const { code, console_, id } = await lobby(browser, "touch-drag");
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  const phone = ana!.page;
  await console_.startSorting();
  await ana!.waitForCardNumber(1, CARDS.length);
  const text = await ana!.currentCardText();

  const group = phone.getByRole("group", { name: "Place the card in" });
  const both = centre((await group.getByRole("button", { name: /^Both/ }).boundingBox())!);
  const start = centre((await ana!.card().boundingBox())!);
  const touch = await finger(phone);
  await touch.down(start.x, start.y);
  for (let i = 1; i <= 8; i++) await touch.move(start.x + ((both.x - start.x) * i) / 8, start.y + ((both.y - start.y) * i) / 8);

  // Held over "Both": the card (grabbed at its centre) is on top of the button it covers.
  await expect(group.getByRole("button", { name: /^Both/ })).toHaveAttribute("data-armed", "true");
  const onTop = await ana!.card().evaluate((card, p) => card.contains(document.elementFromPoint(p.x, p.y)), both);
  expect(onTop, "the dragged card is what is under the finger, not the column button").toBe(true);

  await touch.up();
  await ana!.waitForCardNumber(2, CARDS.length);
  const statement = CARDS.find((c) => c.text === text)!;
  await expect
    .poll(async () => (await query<{ column: string }>(`SELECT "column" FROM placements WHERE workshop_id = $1 AND statement_key = $2`, [id, statement.id]))[0]?.column)
    .toBe("both");
});
