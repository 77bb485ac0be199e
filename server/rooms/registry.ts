import type { Logger } from "pino";
import { findWorkshopById } from "@/lib/db/workshops/reads";
import { ProtocolError } from "@/lib/protocol/ack";
import { LiveRoom, type RoomClock } from "./live-room";
import type { PlacementWriter } from "./placement-writer";

/** The rooms this node has in memory, loaded on first use. Concurrent first uses share one load. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<LiveRoom>>();

  constructor(
    private readonly writer: PlacementWriter,
    private readonly clock: RoomClock,
    private readonly log: Logger,
  ) {}

  get(workshopId: string): Promise<LiveRoom> {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = (async () => {
        const row = await findWorkshopById(workshopId);
        if (!row) throw new ProtocolError("SESSION_NOT_FOUND");
        return LiveRoom.load(row, this.writer, this.clock, this.log);
      })();
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
