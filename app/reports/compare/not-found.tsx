import { getTranslator } from "@/lib/i18n/server";
import { MessagePage } from "../_shared/message-page";

export default async function CompareNotFound() {
  const { t } = await getTranslator();
  return <MessagePage title={t("reports.compare.notFoundTitle")} lead={t("reports.compare.notFoundLead")} action={{ href: "/reports/compare", label: t("reports.compare.pickADeck") }} />;
}
