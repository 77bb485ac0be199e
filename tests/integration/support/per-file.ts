import { afterAll } from "vitest";
import { dropFileDatabases } from "./database";
import { closeOpenTestServers } from "./open-servers";

// Runs in every test file before its tests. Hooks run in reverse order of registration, so this
// runs after the file's own afterAll: it closes any server the file left open (a test that failed
// before closing it), then drops the file's databases.
afterAll(async () => {
  await closeOpenTestServers();
  await dropFileDatabases();
});
