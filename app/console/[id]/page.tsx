import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireFacilitator } from "@/lib/auth/session";
import { findWorkshopAccess } from "@/lib/db/workshops/reads";
import { getTranslator } from "@/lib/i18n/server";
import { Console } from "./console";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("console.title") };
}

/** The origin the facilitator reached us on, for the join and presenter links. Display only:
 *  the browser corrects it from window.location after hydration. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const first = (v: string | null) => v?.split(",")[0]?.trim() || null;
  const host = first(h.get("x-forwarded-host")) ?? first(h.get("host")) ?? "localhost";
  const proto = first(h.get("x-forwarded-proto")) ?? "http";
  return `${proto}://${host}`;
}

export default async function ConsolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const facilitator = await requireFacilitator(`/console/${id}`);
  const access = await findWorkshopAccess(id);
  // Another facilitator's session looks exactly like a missing one.
  if (!access || access.ownerId !== facilitator.id) notFound();
  return <Console workshopId={id} initialOrigin={await requestOrigin()} />;
}
