import { expect, test } from "@playwright/test";
import { PhonePage } from "./pages/phone-pages";
import { expectFullyInside, expectNoSidewaysScroll, labelOf, lobby } from "./support/three-column-session";

/** Issue 14 walkthrough: the sorting screen at 360 px with three columns and a paused timer. */
test("phone at 360 px: three column labels keep whole words, and a paused timer leaves 'Saved' readable", async ({ browser }) => {
  test.setTimeout(120_000);
  const { host, console_, code } = await lobby(browser, "phone-360");
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  const phone = ana!.page;
  await console_.startSorting();

  // Three columns: "Manager" is not broken mid-word.
  const group = phone.getByRole("group", { name: "Place the card in" });
  await expect(group.getByRole("button", { name: /^Manager/ })).toBeVisible();
  for (const label of ["Leader", "Manager", "Both"]) {
    const text = group.getByText(label, { exact: true });
    const lines = await text.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `"${label}" on one line`).toBe(1);
    await expectFullyInside(text, group.getByRole("button", { name: new RegExp(`^${label}`) }), label);
  }

  // A paused timer next to "Saved": both readable, nothing cut.
  await ana!.tap(labelOf(await ana!.currentCardText()));
  await expect(phone.getByText("Saved", { exact: true })).toBeVisible();
  await host.getByRole("button", { name: "Start timer" }).click();
  await host.getByRole("button", { name: "Pause" }).click();
  await expect(phone.getByRole("timer")).toContainText("Paused");
  const saved = phone.getByText("Saved", { exact: true }).locator("xpath=..");
  await expectFullyInside(saved, phone.locator("main"), "Saved");
  await expectNoSidewaysScroll(phone, "phone sorting");
});
