// @ts-check
// The dependency rules of SortRoom, checked by dependency-cruiser in `npm run lint` (after ESLint).
// It resolves every import the way TypeScript does (the "@/" alias, "../domain/../../app/x"
// paths, dynamic import(), re-exports, type-only imports), so a rule cannot be dodged by
// spelling an import differently. tests/unit/boundaries.test.ts proves each rule catches its
// escape.
//
// Elements (folders) and who may import what:
//   core    lib/domain, lib/decks, lib/protocol, lib/room   pure: only core and zod, no I/O
//   i18n    lib/i18n           messages and formatting; core, and Next/React for its UI helpers
//   client  lib/client         browser: core, i18n, React, socket.io-client; no database, logging, config
//   data    lib/db, lib/config, lib/log, lib/auth, lib/sessions, lib/api, lib/reports, lib/http   server side of lib
//   app     app/               only app/ imports it
//   server  server/            only server/ (and tests, bench, scripts that run it) import it

const CORE = "^lib/(domain|decks|protocol|room)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "only-app-imports-app",
      comment: "Only app/ may import from app/: move shared code to lib/.",
      severity: "error",
      from: { pathNot: "^(app|tests/e2e)/" },
      to: { path: "^app/" },
    },
    {
      name: "only-server-imports-server",
      comment: "Only server/ (and what runs it: tests, bench, scripts) may import from server/; app/ talks to it over HTTP/Socket.IO.",
      severity: "error",
      from: { pathNot: "^(server|tests/(server|integration|e2e)|bench|scripts)/" },
      to: { path: "^server/" },
    },
    {
      name: "core-is-pure",
      comment: "The pure core (lib/domain, lib/decks, lib/protocol, lib/room) imports only the core, zod and unhomoglyph (Unicode's confusables table as data): no database, config, auth, sessions, logging, framework or Node built-ins. Pass data in.",
      severity: "error",
      from: { path: CORE },
      to: { pathNot: [`${CORE}`, "^node_modules/zod/", "^node_modules/unhomoglyph/"] },
    },
    {
      name: "core-no-builtins",
      comment: "The pure core must not use Node built-ins.",
      severity: "error",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "client-stays-in-the-browser",
      comment: "lib/client runs in the browser: no database, logging, config, auth, sessions, server or Node built-ins.",
      severity: "error",
      from: { path: "^lib/client/" },
      to: { path: "^(lib/(db|log|config|auth|sessions|api|reports|http)|server)/" },
    },
    {
      name: "client-no-builtins",
      comment: "lib/client runs in the browser: no Node built-ins.",
      severity: "error",
      from: { path: "^lib/client/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "rooms-do-not-import-realtime",
      comment: "server/realtime depends on server/rooms, never the other way round.",
      severity: "error",
      from: { path: "^server/rooms/" },
      to: { path: "^server/realtime/" },
    },
    {
      name: "no-folder-cycle-decks-i18n",
      comment: "lib/i18n translates the decks' issues, so lib/decks must not import lib/i18n.",
      severity: "error",
      from: { path: "^lib/decks/" },
      to: { path: "^lib/i18n/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles between modules.",
      severity: "error",
      from: { pathNot: "^lib/db/generated/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every import must resolve.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules"] },
    exclude: { path: ["^lib/db/generated/", "^\\.next/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    combinedDependencies: false,
  },
};
