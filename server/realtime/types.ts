// The socket types and channel names live with the rooms (server/rooms/channels.ts), which
// broadcast on them; realtime/ depends on rooms/, never the other way round.
export { channels, type Identity, type IoServer, type IoSocket, type SocketData } from "../rooms/channels";
