export * from "./state";
export * from "./commands";
export { decide, checkActive } from "./decide";
export { apply } from "./apply";
export * from "./derive";
export * from "./views";
export type { RoomStore, PlacementRow, PlacementOutcome } from "./store";
export * from "./changes";
export * from "./roster-page";
