export * from "./ack";
export * from "./errors";
export * from "./registry";
export * from "./roster-window";
export * from "./schemas";
export * from "./version";
export type * from "./views";
