import { describe, expect, it } from "vitest";
import { untilConnectionFree } from "@/lib/db/pool";

/** Hot-path writes wait out a saturated pool (the statement never ran) but fail at once on
 *  anything else, an outage included. */
describe("untilConnectionFree", () => {
  const saturated = () => new Error("timeout exceeded when trying to connect");

  it("runs the statement again while the pool is only saturated, and returns its result", async () => {
    let attempts = 0;
    const result = await untilConnectionFree(async () => {
      attempts++;
      if (attempts < 3) throw saturated();
      return "stored";
    });
    expect(result).toBe("stored");
    expect(attempts).toBe(3);
  });

  it("fails at once on any other error (the database being down is not load)", async () => {
    let attempts = 0;
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    await expect(
      untilConnectionFree(async () => {
        attempts++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(attempts).toBe(1);
  });
});
