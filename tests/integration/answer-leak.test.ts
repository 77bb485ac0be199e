import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import en from "@/lib/i18n/messages/en";
import { STAFF_NAMESPACES } from "@/lib/i18n/namespaces";
import type { JoinResult, ParticipantResult } from "@/lib/protocol/views";
import { connect, createSession, must, signedInFacilitator, type ClientSocket } from "./support/live";
import { startTestServer, type TestServer } from "./support/server";

const deck = getBuiltinDeck("leader-or-manager")!;

/** Finds any trace of the answers in text a participant received: an article sentence (the
 *  reasoning), or a field carrying the canonical column, the reasoning or a right/wrong figure.
 *  Fields are matched with their values (also JSON-escaped, as inside RSC payloads), so a UI
 *  message that merely shares a key name (e.g. the label for "majority wrong") is not a leak. */
const ANSWER_FIELDS = [
  /\\?"canonical\\?":\s*\\?"/,
  /\\?"explanation\\?":\s*\\?"/,
  /\\?"correct\\?":\s*(true|false|\d)/,
  /\\?"accuracy\\?":\s*(null|\d)/,
  /\\?"majorityWrong\\?":\s*(true|false)/,
];

function leaks(text: string): string[] {
  const found: string[] = [];
  for (const s of deck.statements) if (text.includes(s.explanation)) found.push(`explanation of ${s.id}`);
  for (const field of ANSWER_FIELDS) if (field.test(text)) found.push(String(field));
  return found;
}

describe("the canonical answers never reach a participant before reveal", () => {
  let server: TestServer;
  let staff: ClientSocket;
  let session: { id: string; code: string };

  beforeAll(async () => {
    server = await startTestServer();
    const { cookie } = await signedInFacilitator(server, "leak@example.com");
    session = await createSession(server, cookie);
    staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
    await must(staff, "session:openLobby");
  });
  afterAll(async () => {
    staff?.close();
    await server?.close();
  });

  it("the leak check itself finds answers where they are (control)", () => {
    expect(leaks(JSON.stringify(deck))).not.toEqual([]);
  });

  it("socket frames: join, sync, acks and every broadcast up to reveal carry no answer", async () => {
    const received: unknown[] = [];
    const phone = await connect(server, { role: "participant" });
    phone.onAny((event, payload) => received.push({ event, payload }));
    const join = await must<JoinResult>(phone, "participant:join", { code: session.code, nickname: "Curious" });
    received.push(join);
    await must(staff, "session:start", { timerSeconds: 600 });
    for (const [i, s] of deck.statements.entries()) received.push(await must(phone, "placement:set", { statementId: s.id, column: i % 2 ? "leader" : "manager", seq: i + 1 }));
    received.push(await must(phone, "participant:sync"));
    received.push(await must(phone, "participant:submit"));
    received.push(await must(phone, "participant:sync"));
    await new Promise((r) => setTimeout(r, 300)); // let throttled broadcasts arrive
    expect(received.length).toBeGreaterThan(deck.statements.length);
    expect(leaks(JSON.stringify(received))).toEqual([]);

    // After reveal the same participant does get the reasoning: the check above could fail.
    const result = new Promise<ParticipantResult>((resolve) => phone.once("participant:result", resolve));
    await must(staff, "session:reveal");
    expect(leaks(JSON.stringify(await result))).not.toEqual([]);
    phone.close();
  });

  it("pages, their scripts, RSC payloads and API responses carry no answer", async () => {
    const seen: string[] = [];
    const fetchText = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(new URL(path, server.url), { headers });
      const text = await res.text();
      seen.push(path);
      return text;
    };
    const pages = ["/", `/join/${session.code}`, "/join", "/signin", "/signup"];
    const bodies: string[] = [];
    const documents = new Map<string, string>(); // page -> its HTML and RSC payload
    for (const page of pages) {
      const html = await fetchText(page);
      const rsc = await fetchText(page, { RSC: "1" });
      bodies.push(html, rsc);
      documents.set(page, `${html}\n${rsc}`);
      for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) bodies.push(await fetchText(src!));
    }
    bodies.push(await fetchText("/api/health"), await fetchText("/api/auth/session"), await fetchText("/api/auth/providers"));
    expect(seen.filter((p) => p.startsWith("/_next/")).length).toBeGreaterThan(0);
    for (const body of bodies) expect(leaks(body)).toEqual([]);
    // The staff screens' texts stay off participant pages too (lib/i18n/namespaces.ts): the deck
    // editor's labels share field names with the answers, and they are weight a phone should not pay.
    const join = documents.get(`/join/${session.code}`)!;
    expect(join).toContain(JSON.stringify(en.join.nickname).slice(1, -1));
    for (const namespace of STAFF_NAMESPACES) expect(join, namespace).not.toContain(longestText(en[namespace]));
  });
});

/** The longest message in a namespace: distinctive enough not to occur by chance. */
function longestText(node: unknown): string {
  if (typeof node === "string") return node;
  return Object.values(node as Record<string, unknown>).map(longestText).reduce((a, b) => (b.length > a.length ? b : a), "");
}
