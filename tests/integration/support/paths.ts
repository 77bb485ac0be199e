import path from "node:path";

/** The repository root (tests/integration/support -> ../../..). */
export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Server and Postgres logs of a run, when TEST_LOG_LEVEL is set (ignored by git). */
export const LOG_DIR = path.join(ROOT, "test-results", "integration-logs");
