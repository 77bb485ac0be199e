import { afterEach, describe, expect, it } from "vitest";
import { phaseCommandResponse, type SessionControlDeps } from "@/lib/api/session-control";
import type { PhaseView } from "@/lib/protocol/views";
import { liveControl } from "@/lib/sessions/live-control";
import { serveLiveControl } from "@/server/realtime/live-control";
import { Broadcaster } from "@/server/rooms/broadcaster";
import { channels } from "@/server/rooms/channels";
import { RoomRegistry } from "@/server/rooms/registry";
import { MemoryRoomStore } from "../support/memory-room-store";
import { ROOM_ID, storedRoom } from "../unit/room/support";
import { loopbackIo, silentLog, type LoopbackIo } from "./support";

/** The token API's phase command reaches the live room through the same path as the console's
 *  socket (runPhaseCommand): the room's rules decide, the store is written, and every socket of
 *  the session hears the new phase. A real LiveRoom on an in-memory store, a real Socket.IO server
 *  on loopback; no Next, no database. */

const T0 = 1_700_000_000_000;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function liveSession(): Promise<{ store: MemoryRoomStore; lb: LoopbackIo; phases: PhaseView[] }> {
  const store = new MemoryRoomStore();
  store.add(storedRoom("lobby"));
  const rooms = new RoomRegistry(store, { now: () => T0 }, silentLog);
  // Every socket here stands in for a console or a phone of the session.
  const lb = await loopbackIo((socket) => void socket.join(channels.everyone(ROOM_ID)));
  const broadcaster = new Broadcaster(lb.io, () => rooms.loaded());
  const stop = serveLiveControl({ rooms, broadcaster }, silentLog);
  cleanup.push(async () => stop(), () => lb.close());
  const client = await lb.connect();
  const phases: PhaseView[] = [];
  client.on("session:phase", (view: PhaseView) => phases.push(view));
  return { store, lb, phases };
}

const deps: SessionControlDeps = {
  deckIdBySlug: async () => null,
  create: async () => {
    throw new Error("not used");
  },
  owns: async () => true,
  control: liveControl,
};

const command = (body: unknown) =>
  phaseCommandResponse(new Request(`http://sortroom.test/api/v1/sessions/${ROOM_ID}/phase`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), ROOM_ID, "owner", deps);

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("the token API's phase commands on a live room", () => {
  it("starts (with a timer) and reveals the session, stores each phase and tells its sockets", async () => {
    const { store, phases } = await liveSession();

    const started = await command({ command: "start", timerSeconds: 120 });
    expect(started.status).toBe(200);
    const startedView = (await started.json()) as PhaseView;
    expect(startedView).toMatchObject({ phase: "sorting", round: 1 });
    expect(startedView.timer).not.toBeNull();
    expect(store.rooms.get(ROOM_ID)!.room.phase).toBe("sorting");

    const revealed = await command({ command: "reveal" });
    expect(revealed.status).toBe(200);
    expect(((await revealed.json()) as PhaseView).phase).toBe("revealed");
    expect(store.rooms.get(ROOM_ID)!.room.phase).toBe("revealed");

    await until(() => phases.length >= 2);
    expect(phases.map((p) => p.phase)).toEqual(["sorting", "revealed"]);
  });

  it("answers the room's own refusal: 409 WRONG_PHASE for a reveal from the lobby, and nothing changes", async () => {
    const { store, phases } = await liveSession();
    const res = await command({ command: "reveal" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "WRONG_PHASE" });
    expect(store.rooms.get(ROOM_ID)!.room.phase).toBe("lobby");
    expect(phases).toEqual([]);
  });

  it("answers 503 once the server stopped serving its rooms", async () => {
    await liveSession();
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
    expect((await command({ command: "start" })).status).toBe(503);
  });
});
