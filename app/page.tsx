import { getTranslator } from "@/lib/i18n/server";
import { CodePage } from "./_ui/code-page";

/** Home: participants arrive here on their phones, so the join code comes first and alone. */
export default async function HomePage() {
  const { t } = await getTranslator();
  return <CodePage lead={t("home.lead")} footerLink={{ href: "/signin", text: t("home.facilitatorSignIn") }} />;
}
