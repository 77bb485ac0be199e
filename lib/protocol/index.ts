export * from "./ack";
export * from "./errors";
export * from "./registry";
export * from "./schemas";
export * from "./version";
export type * from "./views";
