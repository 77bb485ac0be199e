import Link from "next/link";
import { LanguageSwitcher } from "@/lib/i18n/client";
import { getTranslator } from "@/lib/i18n/server";
import { Brand } from "./_ui/participant-brand";
import { CodeForm } from "./_ui/participant-code-form";
import home from "./_ui/participant-home.module.css";
import theme from "./_ui/participant-theme.module.css";

/** Home: participants arrive here on their phones, so the join code comes first and alone. */
export default async function HomePage() {
  const { t } = await getTranslator();
  return (
    <div className={`${theme.theme} ${home.home}`}>
      <main className={theme.page}>
        <Brand />
        <div>
          <h1 className={theme.title}>{t("common.joinASession")}</h1>
          <p className={theme.lead}>{t("home.lead")}</p>
        </div>
        <CodeForm />
        <p className={home.footer}>
          <Link className={theme.link} href="/signin">
            {t("home.facilitatorSignIn")}
          </Link>
        </p>
        <LanguageSwitcher />
      </main>
    </div>
  );
}
