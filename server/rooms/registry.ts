import type { Logger } from "pino";
import { ProtocolError } from "@/lib/protocol/ack";
import type { RoomStore } from "@/lib/room";
import { LiveRoom, type RoomClock } from "./live-room";

/** The rooms this node has in memory, loaded on first use. Concurrent first uses share one load. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<LiveRoom>>();

  constructor(
    private readonly store: RoomStore,
    private readonly clock: RoomClock,
    private readonly log: Logger,
  ) {}

  get(workshopId: string): Promise<LiveRoom> {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = LiveRoom.load(workshopId, this.store, this.clock, this.log).then((loaded) => {
        if (!loaded) throw new ProtocolError("SESSION_NOT_FOUND");
        return loaded;
      });
      this.rooms.set(workshopId, room);
      // A failed load (database down, unknown id) must not stick: the next call tries again.
      room.catch(() => this.rooms.delete(workshopId));
    }
    return room;
  }

  /** Rooms already loaded (the broadcaster walks these). */
  async loaded(): Promise<LiveRoom[]> {
    const settled = await Promise.allSettled(this.rooms.values());
    return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  }

  /** Every loaded room's queued writes, stored (at shutdown). */
  async drain(): Promise<void> {
    await Promise.all((await this.loaded()).map((room) => room.drain()));
  }

  /** Drops a room with nobody connected, so memory follows the sessions that are live. */
  evict(workshopId: string): void {
    this.rooms.delete(workshopId);
  }

  /** Evicts rooms that had no socket at two sweeps in a row (`connectedIn` counts a room's sockets
   *  on this node). Everything a room holds is in Postgres, so a later visitor simply reloads it. */
  private idleOnce = new Set<string>();

  async sweep(connectedIn: (workshopId: string) => number): Promise<number> {
    let evicted = 0;
    for (const room of await this.loaded()) {
      if (connectedIn(room.id) > 0) {
        this.idleOnce.delete(room.id);
      } else if (this.idleOnce.has(room.id)) {
        this.idleOnce.delete(room.id);
        this.evict(room.id);
        evicted++;
      } else {
        this.idleOnce.add(room.id);
      }
    }
    return evicted;
  }
}
