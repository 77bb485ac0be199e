import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, parseEnv } from "@/lib/config/env";
import { ROOT } from "./support/paths";

// lib/config/env.ts and .env.example must stay in step: every variable documented, with the
// default the schema really applies.
describe(".env.example", () => {
  const text = fs.readFileSync(path.join(ROOT, ".env.example"), "utf8");
  const assignments = new Map(
    [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const),
  );

  it("assigns every variable of lib/config/env.ts", () => {
    const missing = Object.keys(envSchema.shape).filter((key) => !assignments.has(key));
    expect(missing).toEqual([]);
  });

  it("shows the schema's defaults, so copying it unchanged changes nothing", () => {
    const schemaKeys = new Set(Object.keys(envSchema.shape));
    const fromExample = Object.fromEntries([...assignments].filter(([key]) => schemaKeys.has(key)));
    expect(parseEnv(fromExample)).toEqual(parseEnv({}));
  });
});
