import { expect, test } from "@playwright/test";
import { PhonePage } from "./pages/phone-pages";
import { expectFullyInside, expectNoSidewaysScroll, labelOf, lobby } from "./support/three-column-session";

/** Issue 14 walkthrough: offline at 360 px, "Saving…" was cut off (next to a paused timer, the
 *  top row's widest state). */
test("phone at 360 px offline: a placed card's 'Saving…' stays whole and readable", async ({ browser }) => {
  test.setTimeout(120_000);
  const { host, console_, code } = await lobby(browser, "offline-saving");
  const { Ana: ana } = await PhonePage.joinEach(browser, code, ["Ana"]);
  const phone = ana!.page;
  await console_.startSorting();
  await ana!.waitForCardNumber(1, 3);
  await host.getByRole("button", { name: "Start timer" }).click();
  await host.getByRole("button", { name: "Pause" }).click();
  await expect(phone.getByRole("timer")).toContainText("Paused");

  await phone.context().setOffline(true);
  await ana!.tap(labelOf(await ana!.currentCardText()));
  const status = phone.getByText("Saving…", { exact: true });
  await expect(status).toBeVisible();
  // Give the phone the time to notice the lost connection and show what it shows then.
  await expect(phone.getByText(/Reconnecting/).first()).toBeVisible({ timeout: 15_000 });
  await expect(status).toBeVisible();

  await expectFullyInside(status, phone.locator("main"), "Saving…");
  // Nothing covers it: the middle of its text is the status itself.
  const onTop = await status.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (el === hit || el.contains(hit));
  });
  expect(onTop, "'Saving…' is not covered").toBe(true);
  await expectNoSidewaysScroll(phone, "phone offline");

  // Back online, the placement is acknowledged.
  await phone.context().setOffline(false);
  await expect(phone.getByText("Saved", { exact: true })).toBeVisible({ timeout: 20_000 });
});
