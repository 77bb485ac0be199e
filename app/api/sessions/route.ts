import { readJsonBody } from "@/lib/api/body";
import { BODY_LIMITS } from "@/lib/api/http-policy";
import { getFacilitator } from "@/lib/auth/session";
import { createSession } from "@/lib/sessions/create-session";

export const dynamic = "force-dynamic";

/** POST /api/sessions {deckId, title?, rounds?, cohorts?} → 201 {id, code}. Facilitators only.
 *  Origin and content type were checked by the custom server (server/http-guard.ts); the body is
 *  counted as it streams in (a chunked one declares no length). */
export async function POST(request: Request): Promise<Response> {
  const facilitator = await getFacilitator();
  if (!facilitator) return Response.json({ error: "Sign in to create a session." }, { status: 401 });
  const body = await readJsonBody(request, BODY_LIMITS.small);
  if (body instanceof Response) return body;
  const result = await createSession(facilitator.id, body.value);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
  return Response.json({ id: result.id, code: result.code }, { status: 201 });
}
