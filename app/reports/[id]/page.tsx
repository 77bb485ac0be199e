import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { facilitatorOrUnauthorized } from "@/lib/auth/session";
import { ownedReport } from "@/lib/reports/service";
import { getTranslator } from "@/lib/i18n/server";
import { FacilitatorNav } from "../../_ui/nav/FacilitatorNav";
import styles from "../_shared/reports.module.css";
import { ReportView } from "./report-view";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("reports.metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  // Signed out: 401 with a sign-in link back here (app/unauthorized.tsx).
  const facilitator = await facilitatorOrUnauthorized();
  // Another facilitator's session looks exactly like a missing one.
  const owned = await ownedReport(id, facilitator.id);
  if (!owned) notFound();
  const query = await searchParams;
  const anonymize = query.anonymize === "1" || query.anonymize === "true";
  return (
    <>
      <FacilitatorNav current="sessions" subpage />
      <main className={styles.page}>
        <ReportView initial={owned.report} initialAnonymize={anonymize} deckId={owned.deckId} />
      </main>
    </>
  );
}
