// @ts-check
// ESLint flat config. `npm run lint` runs `eslint --max-warnings 0 .`: every warning fails.
//
// Besides typescript-eslint's recommended rules (everywhere) and Next's core-web-vitals rules
// (app/ only), this file keeps the pure core free of hidden inputs and the environment in one place:
//
//   - the pure core (lib/domain, lib/decks, lib/protocol, lib/room) reads no clock (Date.now(),
//     new Date()), no randomness (Math.random()) and no process state: time and randomness are
//     passed in;
//   - `process.env` only in lib/config (validated there), never in app/, lib/ or server/;
//   - no console in app/, lib/, server/ (use lib/log); scripts/ and tests/ may print;
//   - Next's core-web-vitals rules (React, hooks, a11y) in app/ and lib/client/.
//
// Which folder may import which is checked by dependency-cruiser (.dependency-cruiser.cjs), run by
// `npm run lint` after ESLint: it resolves every import as TypeScript does (aliases, "../x/../y"
// paths, dynamic import()), which pattern rules here could not.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const SOURCE = "*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}";

/** Folders whose files get Next's React/JSX/a11y/hooks rules: the App Router and the browser-side
 *  helpers it uses (lib/client holds React hooks). */
const NEXT_DIRS = ["app", "lib/client"];

/** The pure core: rules, protocol and decks, with no I/O and no hidden inputs. */
const PURE_CORE = ["lib/domain", "lib/decks", "lib/protocol", "lib/room"].map((d) => `${d}/**/${SOURCE}`);

const PROCESS_ENV = { object: "process", property: "env", message: "Read configuration through lib/config (env() or runtime.ts), where it is validated." };

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

  {
    name: "sortroom/env-only-in-config",
    files: [`app/**/${SOURCE}`, `lib/**/${SOURCE}`, `server/**/${SOURCE}`],
    ignores: [`lib/config/**`],
    rules: { "no-restricted-properties": ["error", PROCESS_ENV] },
  },
  {
    name: "sortroom/pure-core",
    files: PURE_CORE,
    rules: {
      "no-restricted-properties": [
        "error",
        PROCESS_ENV,
        { object: "Date", property: "now", message: "The pure core takes the time as an argument (`now`)." },
        { object: "Math", property: "random", message: "The pure core takes randomness as an argument (a seed or a value)." },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "The pure core has no process: pass what it needs in." }],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "new Date() reads the clock: the pure core takes the time as an argument." },
        { selector: "ImportExpression", message: "The pure core loads nothing at run time: import statically." },
      ],
    },
  },
);
