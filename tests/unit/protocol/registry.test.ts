import fs from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { emitWithAck, type AppSocket, type ClientAck } from "@/lib/client/socket";
import { command } from "@/lib/client/staff-socket";
import type { Ack } from "@/lib/protocol/ack";
import {
  CLIENT_EVENTS,
  isClientEvent,
  type AckData,
  type ClientEventName,
  type ClientEventSpec,
  type ClientPayload,
  type ClientToServerEvents,
  type Role,
} from "@/lib/protocol/registry";
import type { JoinResult, PhaseView, PresenterView } from "@/lib/protocol/views";

// lib/protocol/registry.ts is the one list of client events: the roles, schemas and types the
// server and the clients use all come from it, and docs/protocol.md documents each event.

const ROLES = ["guest", "participant", "facilitator", "presenter"] as const;
const EVENTS = Object.entries<ClientEventSpec>(CLIENT_EVENTS);
const docs = fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/protocol.md"), "utf8");

/** The rows of docs/protocol.md's client → server table: the events each names, and its role cell. */
function documentedRows(): { events: string[]; role: string }[] {
  const section = /## Client → server events\n([\s\S]*?)\n## /.exec(docs)?.[1];
  if (!section) throw new Error("no client → server section in docs/protocol.md");
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const [events = "", role = ""] = line.split(" | ");
      return { events: [...events.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), role: role.trim() };
    });
}

describe("the client event registry", () => {
  it("gives every event a non-empty list of known roles, without repeats", () => {
    for (const [event, spec] of EVENTS) {
      expect(spec.roles.length, event).toBeGreaterThan(0);
      expect(new Set(spec.roles).size, event).toBe(spec.roles.length);
      for (const role of spec.roles) expect(ROLES, event).toContain(role);
    }
  });

  it("gives every event a zod schema for its payload", () => {
    for (const [event, spec] of EVENTS) expect(spec.payload, event).toBeInstanceOf(z.ZodType);
  });

  it("knows its own events and nothing else, inherited names included", () => {
    for (const [event] of EVENTS) expect(isClientEvent(event)).toBe(true);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "participant:JOIN", "session:explode", ""]) {
      expect(isClientEvent(name), name).toBe(false);
    }
  });

  it("is what docs/protocol.md documents: the same events, each with its roles", () => {
    const rows = documentedRows();
    const documented = rows.flatMap((row) => row.events.map((event) => [event, row.role] as const));
    expect(documented.map(([event]) => event).toSorted()).toEqual(EVENTS.map(([event]) => event).toSorted());
    for (const [event, role] of documented) {
      expect(role, event).toBe(CLIENT_EVENTS[event as ClientEventName].roles.join(", "));
    }
  });

  it("derives the types clients and handlers use (checked by tsc)", () => {
    expectTypeOf<(typeof ROLES)[number]>().toEqualTypeOf<Role>();
    expectTypeOf<keyof AckData>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<AckData["participant:join"]>().toEqualTypeOf<JoinResult>();
    expectTypeOf<AckData["participant:ban"]>().toEqualTypeOf<{ participantId: string }>();
    expectTypeOf<AckData["presenter:sync"]>().toEqualTypeOf<PresenterView>();
    expectTypeOf<ClientPayload<"session:lock">>().toEqualTypeOf<{ locked: boolean }>();
    expectTypeOf<Parameters<ClientToServerEvents["timer:set"]>[0]>().toEqualTypeOf<{ seconds: number }>();
    expectTypeOf<Parameters<Parameters<ClientToServerEvents["session:start"]>[1]>[0]>().toEqualTypeOf<Ack<PhaseView>>();

    // The client helpers take the event's payload and answer with its ack data, with no casts.
    expectTypeOf(emitWithAck<"participant:join">).parameter(2).toEqualTypeOf<{ code: string; nickname: string; cohort?: string | null | undefined }>();
    expectTypeOf(emitWithAck<"participant:join">).returns.resolves.toEqualTypeOf<ClientAck<JoinResult>>();
    expectTypeOf(command<"presenter:sync">).returns.resolves.toEqualTypeOf<Ack<PresenterView>>();
    const typedEmits = (socket: AppSocket) => {
      socket.timeout(1_000).emit("session:lock", { locked: true }, (_err, reply) => expectTypeOf(reply).toEqualTypeOf<Ack<PhaseView>>());
      // @ts-expect-error a payload the event's schema would refuse does not compile
      void emitWithAck(socket, "session:lock", { locked: "yes" });
      // @ts-expect-error neither does an event that is not in the registry
      void command(socket, "session:explode", {});
    };
    expect(typedEmits).toBeTypeOf("function");
  });
});
