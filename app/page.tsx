import { getTranslator } from "@/lib/i18n/server";
import { CodeScreen } from "./_ui/participant-code-screen";

/** Home: participants arrive here on their phones, so the join code comes first and alone. */
export default async function HomePage() {
  const { t } = await getTranslator();
  return <CodeScreen title={t("common.joinASession")} lead={t("home.lead")} footer={{ href: "/signin", text: t("home.facilitatorSignIn") }} />;
}
