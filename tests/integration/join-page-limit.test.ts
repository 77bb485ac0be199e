import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET } from "@/lib/domain/joinCode";
import { JOIN_PAGE_LIMIT } from "@/lib/sessions/join-code-gate";
import { createSession, signedInFacilitator } from "./support/live";
import { request, type Reply } from "./support/raw-http";
import { startTestServer, type TestServer } from "./support/server";

/** GET /join/<code> shows an open session's groups, so it tells whether a code exists: guessing
 *  codes is limited per client address (only codes that are not found cost), a refused address is
 *  refused for every code alike, and a room loading its own code through one address is not. */

// The rendered refusal, with its number (every page carries the message itself, unfilled, among
// the UI texts sent to the browser).
const REFUSED = /Too many session codes were tried from this network\. Wait \d+ s, then try again\./;
const refusedPage = (reply: Reply) => REFUSED.test(reply.body);
const unknownCode = () => Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join("");

describe("the join page's limit on guessing codes", () => {
  let server: TestServer;
  let code: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { cookie } = await signedInFacilitator(server, "join-page@example.com");
    ({ code } = await createSession(server, cookie, "leader-or-manager", { cohorts: ["Blue team", "Red team"] }));
  });
  afterAll(async () => {
    await server?.close();
  });

  const load = (joinCode: string, from: string) => request(server, `/join/${joinCode}`, { from });
  const showsGroups = (reply: Reply) => reply.body.includes("Blue team") && reply.body.includes("Red team");

  it("refuses an address that keeps trying unknown codes, then refuses it an existing code alike", async () => {
    const from = "127.0.0.8";
    const served: Reply[] = [];
    let refused: Reply | undefined;
    while (!refused && served.length < 10 * JOIN_PAGE_LIMIT.capacity) {
      const wave = await Promise.all(Array.from({ length: 10 }, () => load(unknownCode(), from)));
      refused = wave.find(refusedPage);
      served.push(...wave.filter((r) => !refusedPage(r)));
    }
    expect(refused, "never refused").toBeDefined();
    // The burst, plus the odd one that refills (1 every 2 s) while the waves run; the exact count,
    // on a clock of its own, is in tests/unit/sessions/join-code-gate.test.ts.
    expect(served.length).toBeGreaterThanOrEqual(JOIN_PAGE_LIMIT.capacity);
    expect(served.length).toBeLessThan(2 * JOIN_PAGE_LIMIT.capacity);
    expect(served.every((r) => r.status === 200 && !showsGroups(r))).toBe(true);

    // The existing code, from the refused address: the same refusal, without its groups. (Sent
    // after more guesses in each wave, as the limit refills a little while the test runs.)
    let existing: Reply | undefined;
    for (let i = 0; i < 10 && !existing; i++) {
      const wave = await Promise.all([...Array.from({ length: 5 }, () => load(unknownCode(), from)), load(code, from)]);
      if (refusedPage(wave.at(-1)!)) existing = wave.at(-1);
    }
    expect(existing, "the existing code was never refused").toBeDefined();
    expect(existing!.status).toBe(200);
    expect(showsGroups(existing!)).toBe(false);
  });

  it("lets a whole room load its own code through one address, and that costs it nothing", async () => {
    const from = "127.0.0.9";
    // Twice the burst, ten at a time (page renders are not cheap on a shared test machine).
    for (let wave = 0; wave < (2 * JOIN_PAGE_LIMIT.capacity) / 10; wave++) {
      const room = await Promise.all(Array.from({ length: 10 }, () => load(code, from)));
      expect(room.filter(showsGroups).length).toBe(room.length);
    }
    // The room's budget for mistyped codes is intact.
    const typos = await Promise.all(Array.from({ length: JOIN_PAGE_LIMIT.capacity }, () => load(unknownCode(), from)));
    expect(typos.filter(refusedPage)).toEqual([]);
  });
});
