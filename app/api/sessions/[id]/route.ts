import { getFacilitator } from "@/lib/auth/session";
import { jsonError } from "@/lib/http/json";
import { notFoundResponse, unauthorizedResponse } from "@/lib/reports/http";
import { deleteOwnedSession } from "@/lib/db/reports/writes";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** DELETE /api/sessions/:id — deletes the facilitator's own session and all its data. Only a
 *  session that is not running (never opened, or ended) can be deleted: 409 otherwise. A request
 *  from another origin never gets here (server/http-guard.ts answers it 403). */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const facilitator = await getFacilitator();
  if (!facilitator) return unauthorizedResponse("Sign in to delete a session.");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return notFoundResponse();
  const result = await deleteOwnedSession(id, facilitator.id);
  if (result === "not-found") return notFoundResponse();
  if (result === "live") return jsonError(409, "End the session before deleting it.");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
