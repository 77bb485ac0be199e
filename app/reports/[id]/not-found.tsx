import { getTranslator } from "@/lib/i18n/server";
import { MessagePage } from "../_shared/message-page";

export default async function ReportNotFound() {
  const { t } = await getTranslator();
  return <MessagePage title={t("reports.notFound.title")} lead={t("reports.notFound.lead")} action={{ href: "/sessions", label: t("reports.notFound.yourSessions") }} />;
}
