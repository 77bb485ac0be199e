/** Whether the database has been migrated and seeded by this process. The server sets it once
 *  its start-up retry loop succeeds; health reads it. On globalThis because Next bundles the
 *  health route separately from the custom server. */
const state = globalThis as unknown as { sortroomDbReady?: boolean };

export function markDbReady(): void {
  state.sortroomDbReady = true;
}

export function isDbReady(): boolean {
  return state.sortroomDbReady === true;
}
