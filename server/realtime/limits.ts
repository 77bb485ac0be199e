/** The numbers behind the realtime layer's protections against floods, in one place (documented in
 *  docs/protocol.md, "Limits"). Options so tests can shrink them; production uses the defaults.
 *
 *  The guiding case is a conference room behind one NAT: a few thousand phones share one address,
 *  open the join page within a minute, all type the same code, and a few mistype it. */
export interface RealtimeLimits {
  /** Frames one socket may send (token bucket: burst, per second): enough for a phone sorting
   *  quickly and a console clicking through a session. Every frame takes one, known event or not. */
  framesPerSocket: { burst: number; perSecond: number };
  /** Sockets of any kind from one client address: a whole hall behind one NAT. */
  socketsPerAddress: number;
  /** Sockets from one address that have not joined yet. Lower than the above because a guest
   *  costs memory and gives nothing back; a refused phone retries with backoff and gets in as
   *  the ones before it join (a joined socket stops counting as a guest). */
  guestSocketsPerAddress: number;
  /** A guest socket that has not joined after this long is disconnected. The phone's app
   *  reconnects quietly when it is still on the join page, so this only sheds abandoned sockets. */
  guestTimeoutMs: number;
  /** How long a join code's answer is trusted: an open session (checked against the live room on
   *  every use, so an ended session is noticed at once), a closed one, an unknown code. */
  joinCodeTtlMs: { open: number; closed: number; unknown: number };
  /** Codes remembered at most (least recently used dropped first): random codes cannot grow memory. */
  joinCodeCacheEntries: number;
  /** Lookups that reach the database per client address (token bucket: burst, per second). Only
   *  codes not in the cache cost one, so a room typing its code costs one lookup in all. */
  joinLookupsPerAddress: { burst: number; perSecond: number };
  /** Joins (participant:join) per client address (token bucket: burst, per second). A whole room
   *  often shares one address (a company's Wi-Fi behind NAT), so the burst is a room's worth; the
   *  sustained rate stops a scripted flood. */
  joinsPerAddress: { burst: number; perSecond: number };
  /** Join-code lookups running at once in the whole process, and waiting; beyond, UNAVAILABLE. */
  joinLookupConcurrency: { running: number; queued: number };
  /** New-participant inserts running at once, and waiting; beyond, UNAVAILABLE. Together with the
   *  lookups this keeps joins to 5 of the default 10 pooled connections, so HTTP routes (session
   *  creation, health, reports) always find one. */
  joinWriteConcurrency: { running: number; queued: number };
}

export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
  framesPerSocket: { burst: 120, perSecond: 30 },
  socketsPerAddress: 5_000,
  guestSocketsPerAddress: 1_000,
  guestTimeoutMs: 120_000,
  joinCodeTtlMs: { open: 30_000, closed: 60_000, unknown: 5_000 },
  joinCodeCacheEntries: 10_000,
  joinsPerAddress: { burst: 1_000, perSecond: 20 },
  joinLookupsPerAddress: { burst: 100, perSecond: 2 },
  joinLookupConcurrency: { running: 2, queued: 50 },
  joinWriteConcurrency: { running: 3, queued: 1_000 },
};
