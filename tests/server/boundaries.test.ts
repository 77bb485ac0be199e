import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The boundary checks catch each escape the room-core issue listed. Probe files are written into
 *  the real folders (so the real rules apply to them), checked, and removed again. */

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROBE = "__boundary_probe__";

const probes: Record<string, string> = {
  // A relative path that walks through the core and out into app/.
  [`lib/domain/${PROBE}/via-dots.ts`]: `export * from "../../domain/../../app/page";\n`,
  // A dynamic import of the server.
  [`lib/domain/${PROBE}/dynamic.ts`]: `export const load = () => import("@/server/app");\n`,
  // The pure core reaching configuration, auth and session operations (which reach the database).
  [`lib/domain/${PROBE}/config.ts`]: `export * from "@/lib/config/env";\n`,
  [`lib/domain/${PROBE}/auth.ts`]: `export * from "@/lib/auth/session";\n`,
  [`lib/room/${PROBE}/sessions.ts`]: `export * from "@/lib/sessions/create-session";\n`,
  [`lib/domain/${PROBE}/builtin.ts`]: `export * from "node:fs";\n`,
  // The protocol importing Next.
  [`lib/protocol/${PROBE}/next.ts`]: `export * from "next/headers";\n`,
  // The browser helpers importing the database and the logger.
  [`lib/client/${PROBE}/db.ts`]: `export * from "@/lib/db/client";\n`,
  [`lib/client/${PROBE}/log.ts`]: `export * from "@/lib/log/logger";\n`,
  // The folder cycles the issue named.
  [`lib/decks/${PROBE}/i18n.ts`]: `export * from "@/lib/i18n/format";\n`,
  [`server/rooms/${PROBE}/realtime.ts`]: `export * from "../../realtime/attach";\n`,
  // Allowed: the core importing the core; the server importing the rooms.
  [`lib/room/${PROBE}/allowed.ts`]: `export * from "@/lib/domain/tally";\nexport * from "../../decks/types";\n`,
};

const expected: Record<string, string[]> = {
  "via-dots.ts": ["core-is-pure", "only-app-imports-app"],
  "dynamic.ts": ["core-is-pure", "only-server-imports-server"],
  "config.ts": ["core-is-pure"],
  "auth.ts": ["core-is-pure"],
  "sessions.ts": ["core-is-pure"],
  "builtin.ts": ["core-is-pure", "core-no-builtins"],
  "next.ts": ["core-is-pure"],
  "db.ts": ["client-stays-in-the-browser"],
  "log.ts": ["client-stays-in-the-browser"],
  "i18n.ts": ["core-is-pure", "no-folder-cycle-decks-i18n"],
  "realtime.ts": ["rooms-do-not-import-realtime"],
  "allowed.ts": [],
};

describe("boundary checks", () => {
  beforeAll(() => {
    for (const [file, text] of Object.entries(probes)) {
      fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
      fs.writeFileSync(path.join(ROOT, file), text);
    }
  });
  afterAll(() => {
    for (const dir of new Set(Object.keys(probes).map((f) => path.dirname(f)))) fs.rmSync(path.join(ROOT, dir), { recursive: true, force: true });
  });

  it("dependency-cruiser refuses every escaping import, and nothing else", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"), ...Object.keys(probes), "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const report = JSON.parse(run.stdout) as { summary: { violations: { from: string; rule: { name: string } }[] } };
    const found: Record<string, string[]> = Object.fromEntries(Object.keys(expected).map((k) => [k, []]));
    for (const v of report.summary.violations) {
      expect(v.from).toContain(PROBE); // the rest of the code base is clean
      found[path.basename(v.from)]!.push(v.rule.name);
    }
    for (const k of Object.keys(found)) found[k] = [...new Set(found[k])].sort();
    expect(found).toEqual(expected);
  }, 180_000);

  it("ESLint refuses the clock, randomness and process.env in the core, and process.env outside lib/config", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const rulesHit = async (filePath: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
      return result!.messages.map((m) => m.ruleId);
    };
    expect(await rulesHit("lib/room/probe.ts", "export const t = Date.now();\n")).toEqual(["no-restricted-properties"]);
    expect(await rulesHit("lib/domain/probe.ts", "export const r = Math.random();\n")).toEqual(["no-restricted-properties"]);
    expect(await rulesHit("lib/decks/probe.ts", "export const d = new Date();\n")).toEqual(["no-restricted-syntax"]);
    expect(await rulesHit("lib/protocol/probe.ts", "export const e = process.env.X;\n")).toEqual(expect.arrayContaining(["no-restricted-properties"]));
    expect(await rulesHit("lib/domain/probe.ts", "export const m = () => import(\"./tally\");\n")).toEqual(["no-restricted-syntax"]);
    expect(await rulesHit("server/probe.ts", "export const e = process.env.X;\n")).toEqual(["no-restricted-properties"]);
    expect(await rulesHit("lib/db/probe.ts", "export const e = process.env.X;\n")).toEqual(["no-restricted-properties"]);
    expect(await rulesHit("lib/config/probe.ts", "export const e = process.env.X;\n")).toEqual([]);
    expect(await rulesHit("lib/domain/probe.ts", "export const at = (now: number) => new Date(now);\n")).toEqual([]);
  }, 120_000);
});
