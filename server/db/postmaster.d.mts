/** Types for postmaster.mjs (plain JavaScript so the watchdog runs under bare `node`). */
export function runningPostmaster(pgDir: string): number | undefined;
export function stopPostmaster(pgDir: string, options?: { fastMs?: number; immediateMs?: number }): Promise<number | undefined>;
export function isAlive(pid: number): boolean;
