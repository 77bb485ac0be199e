/** Servers started by this test file and not closed yet. Kept apart from server.ts so per-file.ts
 *  can close leftovers without loading Next into files that never start a server. */
const open = new Set<{ close(): Promise<void> }>();

export function trackOpen(server: { close(): Promise<void> }): void {
  open.add(server);
}

export function untrackOpen(server: { close(): Promise<void> }): void {
  open.delete(server);
}

/** Closes servers a test file left open (e.g. a test that failed before its close). */
export async function closeOpenTestServers(): Promise<void> {
  for (const server of [...open].reverse()) await server.close().catch(() => undefined);
}
