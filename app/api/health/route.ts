import { db } from "@/lib/db/client";
import { isDbReady } from "@/lib/db/readiness";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const state = globalThis as unknown as { sortroomDbWasUp?: boolean };

/** 200 when the database answers and is migrated; 503 otherwise. Logs the transitions once,
 *  not on every probe, so a load balancer polling it does not flood the logs. */
export async function GET(): Promise<Response> {
  let up = false;
  let reason: string | undefined;
  if (isDbReady()) {
    try {
      await db().$queryRaw`SELECT 1`;
      up = true;
    } catch (error) {
      reason = (error as Error).message.split("\n")[0];
    }
  } else {
    reason = "database not migrated yet";
  }
  if (state.sortroomDbWasUp !== up) {
    if (up) logger().info("health: database is reachable");
    else logger().error({ reason }, "health: database unreachable");
    state.sortroomDbWasUp = up;
  }
  return Response.json(
    { status: up ? "ok" : "unavailable", db: up ? "up" : "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
