import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REALTIME_LIMITS as L } from "@/server/realtime/limits";

/** docs/protocol.md is a public contract: bots and load generators size themselves by its "Limits
 *  on sockets and joins" table. Each row must state the number the server runs with. */

const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/protocol.md"), "utf8");
const n = (value: number) => value.toLocaleString("en-US");
const row = (label: string) => {
  const line = doc.split("\n").find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`docs/protocol.md has no row "${label}"`);
  return line.split("|")[2]!.trim();
};

describe("docs/protocol.md states the realtime limits in force", () => {
  it("has every per-address and per-server limit of DEFAULT_REALTIME_LIMITS in its table", () => {
    expect(row("sockets per client address (any role)")).toBe(n(L.socketsPerAddress));
    expect(row("guest sockets per client address (not joined yet)")).toBe(n(L.guestSocketsPerAddress));
    expect(row("a guest that has not joined")).toBe(`${L.guestTimeoutMs / 1000} s`);
    expect(row("events (frames) per socket, any role")).toBe(`burst ${n(L.framesPerSocket.burst)}, then ${n(L.framesPerSocket.perSecond)}/s`);
    expect(row("joins per client address")).toBe(`burst ${n(L.joinsPerAddress.burst)}, then ${n(L.joinsPerAddress.perSecond)}/s`);
    expect(row("join-code lookups that reach the database, per client address")).toBe(`burst ${n(L.joinLookupsPerAddress.burst)}, then ${n(L.joinLookupsPerAddress.perSecond)}/s`);
    expect(row("join-code lookups running at once (whole server)")).toBe(`${n(L.joinLookupConcurrency.running)}, with ${n(L.joinLookupConcurrency.queued)} waiting`);
    expect(row("participant inserts running at once (whole server)")).toBe(`${n(L.joinWriteConcurrency.running)}, with ${n(L.joinWriteConcurrency.queued)} waiting`);
  });

  it("states the join-code cache and the Acks section's per-socket rate", () => {
    const { open, closed, unknown } = L.joinCodeTtlMs;
    expect(doc).toContain(`an open session for ${open / 1000} s`);
    expect(doc).toContain(`a closed one for ${closed / 1000} s, an unknown code for ${unknown / 1000} s`);
    expect(doc).toContain(`most ${n(L.joinCodeCacheEntries)} codes`);
    expect(doc).toContain(`a burst of ${L.framesPerSocket.burst} (a whole deck resent after a reconnect), then ${L.framesPerSocket.perSecond} per second per socket`);
  });

  it("says which X-Forwarded-For entry counts behind a proxy, and that a joined guest socket is the participant's", () => {
    expect(doc).toMatch(/TRUST_PROXY=true`: then it is the \*\*last\*\* entry of\s+`X-Forwarded-For`/);
    expect(doc).toMatch(/the same\s+socket is now that participant's socket/);
  });
});
