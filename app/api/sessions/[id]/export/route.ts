import { getFacilitator } from "@/lib/auth/session";
import { exportResponse, unauthorizedResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/** GET /api/sessions/:id/export?format=csv|json&anonymize=1&kind=rows|summary — the signed-in
 *  facilitator's own sessions only (404 otherwise), at any time during or after the session. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const facilitator = await getFacilitator();
  if (!facilitator) return unauthorizedResponse();
  const { id } = await params;
  return exportResponse(request, id, facilitator.id);
}
