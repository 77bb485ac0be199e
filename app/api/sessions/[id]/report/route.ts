import { getFacilitator } from "@/lib/auth/session";
import { reportResponse, unauthorizedResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/** GET /api/sessions/:id/report?anonymize=1 — the report as JSON for the signed-in owner (the
 *  report page polls it while the session is live). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const facilitator = await getFacilitator();
  if (!facilitator) return unauthorizedResponse();
  const { id } = await params;
  return reportResponse(request, id, facilitator.id);
}
