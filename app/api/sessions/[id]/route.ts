import { getFacilitator } from "@/lib/auth/session";
import { jsonError, notFoundResponse, unauthorizedResponse } from "@/lib/db/reports/handlers";
import { deleteOwnedSession } from "@/lib/db/reports/writes";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** Same-origin check for a cookie-authenticated write: browsers send Origin on DELETE; a request
 *  from another site (or a forged one) is refused. Requests without Origin (curl, tests) pass:
 *  they carry no ambient browser cookies unless the caller put them there. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** DELETE /api/sessions/:id — deletes the facilitator's own session and all its data. Only a
 *  session that is not running (never opened, or ended) can be deleted: 409 otherwise. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const facilitator = await getFacilitator();
  if (!facilitator) return unauthorizedResponse("Sign in to delete a session.");
  if (!sameOrigin(request)) return jsonError(403, "Cross-site request refused.");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFoundResponse();
  const result = await deleteOwnedSession(id, facilitator.id);
  if (result === "not-found") return notFoundResponse();
  if (result === "live") return jsonError(409, "End the session before deleting it.");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
