import type { ConsoleView } from "@/lib/protocol/views";
import { connect, createSession, must, signedInFacilitator, type ClientSocket } from "./live";
import { Participant } from "./phones";
import type { TestServer } from "./server";
import type { Sorting } from "./sorting";

export interface SortingRoom {
  workshopId: string;
  code: string;
  /** The facilitator's cookie (valid on any server sharing the secret) and console socket. */
  cookie: string;
  staff: ClientSocket;
  columns: string[];
  phones: { participant: Participant; socket: ClientSocket }[];
}

/** A session of the flagship deck, sorting, with `count` phones joined (one socket each). */
export async function openSortingRoom(server: Pick<TestServer, "url" | "databaseUrl">, count: number, email: string): Promise<SortingRoom> {
  const { cookie } = await signedInFacilitator(server, email);
  const session = await createSession(server, cookie);
  const staff = await connect(server, { role: "facilitator", workshopId: session.id }, cookie);
  await must(staff, "session:openLobby");
  await must(staff, "session:start", {});
  const { session: view } = await must<ConsoleView>(staff, "facilitator:sync");
  const phones: SortingRoom["phones"] = [];
  // A few at a time: a room's phones arrive over a minute or so, not in one instant.
  for (let i = 0; i < count; i += 6) {
    const batch = Array.from({ length: Math.min(6, count - i) }, (_, j) => Participant.join(server, session.code, `Phone ${i + j + 1}`));
    phones.push(...(await Promise.all(batch)));
  }
  return { workshopId: session.id, code: session.code, cookie, staff, columns: view.columns.map((c) => c.id), phones };
}

/** Reconnects the console to `server` (after a restart) with the same cookie. */
export function reconnectStaff(server: Pick<TestServer, "url">, room: SortingRoom): Promise<ClientSocket> {
  return connect(server, { role: "facilitator", workshopId: room.workshopId }, room.cookie);
}

/** Cleanup, also after a failed test: stops the phones and closes every socket of the room. */
export async function closeRoom(room: SortingRoom | undefined, sorting: Sorting | undefined, moreSockets: ClientSocket[] = []): Promise<void> {
  await sorting?.stop();
  for (const socket of [...(room?.phones ?? []).map((p) => p.socket), ...moreSockets]) socket.close();
  room?.staff.close();
}
