import { z } from "zod";
import { envSchema } from "./env";

/**
 * Settings the server decides while it starts (the database URL of embedded Postgres, a generated
 * development secret, the public URL once the port is bound) and that Next's route handlers,
 * bundled apart from the server, must see too. They travel through the process environment, so
 * they are read live here rather than from the cached, validated `env()`. This module and
 * env.ts are the only places that touch `process.env` (ESLint enforces it).
 */
export const runtimeConfig = {
  databaseUrl: (): string | undefined => process.env.DATABASE_URL || undefined,
  setDatabaseUrl(url: string): void {
    process.env.DATABASE_URL = url;
  },
  nextAuthSecret: (): string | undefined => process.env.NEXTAUTH_SECRET || undefined,
  setNextAuthSecret(secret: string): void {
    process.env.NEXTAUTH_SECRET = secret;
  },
  nextAuthUrl: (): string | undefined => process.env.NEXTAUTH_URL || undefined,
  /** next-auth builds its callback URLs from NEXTAUTH_URL: default it to PUBLIC_URL, else `url`. */
  defaultNextAuthUrl(url: string): void {
    process.env.NEXTAUTH_URL ||= process.env.PUBLIC_URL || url;
  },
  /** This process's environment for a helper process run under bare `node`: without
   *  NODE_OPTIONS, since a loader meant for the server (tsx, a test runner) is not needed there. */
  childEnvWithoutLoader(): NodeJS.ProcessEnv {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    return env;
  },
  setDataDir(dir: string): void {
    process.env.SORTROOM_DATA_DIR = dir;
  },
};

const logLevel = envSchema.shape.LOG_LEVEL.catch("info");

/** The log level, never throwing: the logger must come up even when other settings are invalid. */
export function configuredLogLevel(): z.infer<typeof logLevel> {
  return logLevel.parse(process.env.LOG_LEVEL || undefined);
}
