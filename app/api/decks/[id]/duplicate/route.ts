import { duplicateDeckFor } from "@/app/decks/_lib/service";
import { apiFacilitator, errorResponse, json } from "../../_lib/http";

export const dynamic = "force-dynamic";

/** POST /api/decks/:id/duplicate → 201 { id }: a copy of a built-in deck or one of the
 *  facilitator's own, owned by the facilitator. 404 for anyone else's deck. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const facilitator = await apiFacilitator();
  if (facilitator instanceof Response) return facilitator;
  const { id } = await params;
  const result = await duplicateDeckFor(facilitator.id, id);
  if (!result.ok) return errorResponse(result.status, result.message);
  return json({ id: result.id }, 201);
}
