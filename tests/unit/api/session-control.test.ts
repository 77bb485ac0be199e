import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { createSessionResponse, phaseCommandResponse, type SessionControlDeps } from "@/lib/api/session-control";
import { withApiToken, type ApiCaller } from "@/lib/api/token-api";
import { fail, ok } from "@/lib/protocol/ack";
import type { PhaseView } from "@/lib/protocol/views";
import type { PhaseCommand } from "@/lib/sessions/live-control";

/** The token API's session writes (issue 11), through the token gate as the routes run them, with
 *  the database and the live rooms replaced by fakes. tests/server/session-control.test.ts drives a
 *  real live room; tests/integration/api-session-control.test.ts the whole server. */

const OWNER = "00000000-0000-4000-8000-000000000001";
const SESSION = "11111111-1111-4111-8111-111111111111";
const DECK = "22222222-2222-4222-8222-222222222222";

const freshToken = () => `sr_${randomBytes(32).toString("base64url")}`;

function view(phase: PhaseView["phase"]): PhaseView {
  return { phase, round: 1, maxRounds: 1, locked: false, timer: null as never, discussionIndex: 0, showLiveSplits: false, serverNow: 0 };
}

function fakes(over: Partial<SessionControlDeps> = {}) {
  const commands: PhaseCommand[] = [];
  const created: unknown[] = [];
  const deps: SessionControlDeps = {
    deckIdBySlug: async (slug) => (slug === "leader-or-manager" ? DECK : null),
    create: async (_owner, input) => {
      created.push(input);
      return { ok: true, id: SESSION, code: "ABC234", presenterKey: "k".repeat(32) };
    },
    owns: async (id, userId) => id === SESSION && userId === OWNER,
    control: () => ({
      phase: async (_id, command) => {
        commands.push(command);
        return ok(view(command.event === "session:reveal" ? "revealed" : "sorting"));
      },
    }),
    ...over,
  };
  return { deps, commands, created };
}

/** A request through withApiToken as the write routes send it (needing `sessions`), with a fresh
 *  token: a `sessions` token of OWNER's unless `auth` says it is read-only, unknown or absent. */
function call(path: string, body: unknown, handle: (request: Request, caller: ApiCaller) => Promise<Response>, auth: Auth = "valid") {
  const token = freshToken();
  const request = new Request(`http://sortroom.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: "198.51.100.40", ...(auth === "none" ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const scope = auth === "valid" ? "sessions" : auth === "readOnly" ? "read" : null;
  return withApiToken(request, "sessions", (caller) => handle(request, caller), {
    authenticate: async (authorization) => (scope && authorization === `Bearer ${token}` ? { userId: OWNER, tokenId: "t", scope } : null),
  });
}

type Auth = "valid" | "readOnly" | "unknown" | "none";

const phase = (body: unknown, deps: SessionControlDeps, auth?: Auth) =>
  call(`/api/v1/sessions/${SESSION}/phase`, body, (request, caller) => phaseCommandResponse(request, SESSION, caller.userId, deps), auth);

describe("POST /api/v1/sessions/{id}/phase", () => {
  it("refuses a request without a valid token with 401 and touches no session", async () => {
    const { deps, commands } = fakes();
    for (const auth of ["none", "unknown"] as const) {
      const res = await phase({ command: "start" }, deps, auth);
      expect(res.status, auth).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
    expect(commands).toEqual([]);
  });

  it("refuses a read-only token with 403 INSUFFICIENT_SCOPE before reading the body, and touches no session", async () => {
    const { deps, commands } = fakes({ owns: async () => expect.unreachable("ownership is not looked up") });
    for (const body of [{ command: "start" }, "{ not json"]) {
      const res = await phase(body, deps, "readOnly");
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: expect.stringContaining("`sessions` scope"), code: "INSUFFICIENT_SCOPE", requiredScope: "sessions" });
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="sortroom", error="insufficient_scope", scope="sessions"');
      expect(res.headers.get("ratelimit-limit")).toBe("60");
    }
    expect(commands).toEqual([]);
  });

  it("answers 400 with issues for a body the console's socket would refuse, and runs nothing", async () => {
    const { deps, commands } = fakes();
    for (const body of [{ command: "explode" }, { command: "start", timerSeconds: 5 }, { command: "reveal", timerSeconds: 60 }, { command: "start", extra: 1 }, {}, []]) {
      const res = await phase(body, deps);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = (await res.json()) as { error: string; issues: unknown[] };
      expect(json.error).toMatch(/^The request body is not valid/);
      expect(json.issues.length).toBeGreaterThan(0);
    }
    const notJson = await phase("{ command: start", deps);
    expect(notJson.status).toBe(400);
    expect(commands).toEqual([]);
  });

  it("answers 404 for another facilitator's (or no) session, like the read endpoints", async () => {
    const { deps, commands } = fakes({ owns: async () => false });
    const res = await phase({ command: "start" }, deps);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "No such session." });
    expect(commands).toEqual([]);
  });

  it("passes start (with its timer) and reveal to the live rooms as the console's events, and answers the phase view", async () => {
    const { deps, commands } = fakes();
    const started = await phase({ command: "start", timerSeconds: 300 }, deps);
    expect(started.status).toBe(200);
    expect(((await started.json()) as PhaseView).phase).toBe("sorting");
    expect(started.headers.get("ratelimit-limit")).toBe("60");
    const revealed = await phase({ command: "reveal" }, deps);
    expect(((await revealed.json()) as PhaseView).phase).toBe("revealed");
    expect(commands).toEqual([
      { event: "session:start", payload: { timerSeconds: 300 } },
      { event: "session:reveal", payload: {} },
    ]);
  });

  it("maps the room's refusals to HTTP statuses, with the protocol's code", async () => {
    const answer = (code: Parameters<typeof fail>[0]) => fakes({ control: () => ({ phase: async () => fail(code) }) }).deps;
    const wrong = await phase({ command: "reveal" }, answer("WRONG_PHASE"));
    expect(wrong.status).toBe(409);
    expect(await wrong.json()).toMatchObject({ code: "WRONG_PHASE" });
    const busy = await phase({ command: "reveal" }, answer("BUSY"));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect((await phase({ command: "reveal" }, answer("INTERNAL"))).status).toBe(500);
    const nobody = await phase({ command: "reveal" }, fakes({ control: () => undefined }).deps);
    expect(nobody.status).toBe(503);
  });
});

describe("POST /api/v1/sessions", () => {
  const create = (body: unknown, deps: SessionControlDeps, auth?: Auth) => call("/api/v1/sessions", body, (request, caller) => createSessionResponse(request, caller.userId, deps), auth);

  it("refuses a read-only token with 403 INSUFFICIENT_SCOPE, even with an invalid body, and creates nothing", async () => {
    const { deps, created } = fakes();
    for (const body of [{ deck: "leader-or-manager" }, { deckId: 7 }]) {
      const res = await create(body, deps, "readOnly");
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE", requiredScope: "sessions" });
    }
    expect(created).toEqual([]);
  });

  it("creates a session of a deck given by slug or id, and answers its id, code and presenter key", async () => {
    const { deps, created } = fakes();
    const res = await create({ deck: "leader-or-manager", title: "Load test", rounds: 2 }, deps);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: SESSION, code: "ABC234", presenterKey: "k".repeat(32) });
    expect((await create({ deck: DECK }, deps)).status).toBe(201);
    expect(created).toEqual([{ title: "Load test", rounds: 2, deckId: DECK }, { deckId: DECK }]);
  });

  it("answers 404 for an unknown slug and 400 without a deck or with a field it does not know", async () => {
    const { deps, created } = fakes();
    expect((await create({ deck: "no-such-deck" }, deps)).status).toBe(404);
    expect((await create({ title: "x" }, deps)).status).toBe(400);
    const stray = await create({ deck: DECK, deckId: DECK }, deps);
    expect(stray.status).toBe(400);
    expect(((await stray.json()) as { error: string }).error).toContain("deckId");
    expect(created).toEqual([]);
  });

  it("passes createSession's own refusal on with its status and message", async () => {
    const { deps } = fakes({ create: async () => ({ ok: false, status: 400, message: "Choose 1 or 2 rounds.", issues: [] }) });
    const res = await create({ deck: DECK, rounds: 7 }, deps);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "Choose 1 or 2 rounds." });
  });
});
