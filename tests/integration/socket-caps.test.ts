import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { JoinResult } from "@/lib/protocol/views";
import { connect, connectRefusal, createSession, must, signedInFacilitator, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

/** Issue 9.2: sockets per client address are capped (guests lower than joined ones), and a guest
 *  that never joins is disconnected. Limits are shrunk through the server's options; the client
 *  address comes from X-Forwarded-For, which the server trusts here as it would behind a proxy. */

const from = (address: string) => ({ "x-forwarded-for": address });

/** Resolves with the reason once `socket` is disconnected; fails if it is still connected after `withinMs`. */
function disconnected(socket: ClientSocket, withinMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve("already");
    const timer = setTimeout(() => reject(new Error(`still connected after ${withinMs} ms`)), withinMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function openLobby(server: TestServer, email: string): Promise<{ code: string; staff: ClientSocket }> {
  const { cookie } = await signedInFacilitator(server, email);
  const session = await createSession(server, cookie);
  const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
  await must(staff, "session:openLobby");
  return { code: session.code, staff };
}

describe("sockets per client address", () => {
  let server: TestServer;
  let code: string;
  const sockets: ClientSocket[] = [];
  const open = async (address: string, auth: Record<string, unknown> = { role: "participant" }) => {
    const s = await connect(server, auth, undefined, from(address));
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true, realtimeLimits: { guestSocketsPerAddress: 3, socketsPerAddress: 5 } });
    const lobby = await openLobby(server, "caps@example.com");
    code = lobby.code;
    sockets.push(lobby.staff);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  it("refuses the guest over the cap with RATE_LIMITED, admits another address, and frees slots on join and on close", async () => {
    const nat = "198.51.100.20";
    const guests = [await open(nat), await open(nat), await open(nat)];
    const refused = await connectRefusal(server, { role: "participant" }, undefined, from(nat));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/waiting to join/);
    // Another address is not affected.
    expect((await open("198.51.100.21")).connected).toBe(true);

    // A guest that joins no longer counts as one: one more guest fits.
    const joined = await must<JoinResult>(guests[0]!, "participant:join", { code, nickname: "Ana" });
    await open(nat);
    expect((await connectRefusal(server, { role: "participant" }, undefined, from(nat))).code).toBe("RATE_LIMITED");
    // A closed guest frees its slot (as soon as the server has seen the close).
    guests[1]!.close();
    const again = await waitForConnect(() => open(nat));
    expect(again.connected).toBe(true);

    // Four sockets from this address (one joined, three guests); the joined participant's second
    // tab makes five, the cap on all sockets, so a third tab is refused.
    await must(await open(nat, { role: "participant", participantToken: joined.participantToken }), "participant:sync");
    const full = await connectRefusal(server, { role: "participant", participantToken: joined.participantToken }, undefined, from(nat));
    expect(full).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/Too many connections/) });
  });
});

/** The close of a socket reaches the server a moment after the client closes it: retry a refused
 *  connect until it is admitted (a bounded number of times). */
async function waitForConnect(attempt: () => Promise<ClientSocket>, tries = 40): Promise<ClientSocket> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("a guest that never joins", () => {
  const GUEST_TIMEOUT_MS = 3_000;
  let server: TestServer;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ realtimeLimits: { guestTimeoutMs: GUEST_TIMEOUT_MS } });
  });
  afterEach(() => {
    for (const s of sockets) s.close();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("is disconnected by the server after the timeout; a phone that joined stays", async () => {
    const lobby = await openLobby(server, "timeout@example.com");
    sockets.push(lobby.staff);
    const phone = await connect(server, { role: "participant" });
    sockets.push(phone);
    await must(phone, "participant:join", { code: lobby.code, nickname: "Bo" });
    // Connected after the phone: by the time its timer fires, the phone's would have too.
    const idle = await connect(server, { role: "participant" });
    sockets.push(idle);
    expect(await disconnected(idle, GUEST_TIMEOUT_MS + 20_000)).toBe("io server disconnect");
    expect(phone.connected).toBe(true);
    await must(phone, "participant:sync");
  });
});
