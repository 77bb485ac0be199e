import { getFacilitator } from "@/lib/auth/session";
import { createSession } from "@/lib/sessions/create-session";

export const dynamic = "force-dynamic";

/** POST /api/sessions {deckId, title?, rounds?, cohorts?} → 201 {id, code}. Facilitators only. */
export async function POST(request: Request): Promise<Response> {
  const facilitator = await getFacilitator();
  if (!facilitator) return Response.json({ error: "Sign in to create a session." }, { status: 401 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "The request body must be JSON." }, { status: 400 });
  }
  const result = await createSession(facilitator.id, body);
  if (!result.ok) return Response.json({ error: result.message }, { status: result.status });
  return Response.json({ id: result.id, code: result.code }, { status: 201 });
}
