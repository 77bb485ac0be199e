import Link from "next/link";
import { LanguageSwitcher } from "@/lib/i18n/client";
import { getTranslator } from "@/lib/i18n/server";
import { Brand } from "./participant-brand";
import { CodeForm } from "./participant-code-form";
import home from "./participant-home.module.css";
import theme from "./participant-theme.module.css";

/** "Join a session": the big code field under a lead line, maybe with why the code given cannot
 *  be joined, and one link below (the home page's sign-in, or back to the start). */
export async function CodePage({ lead, initialCode, error, footerLink }: { lead: string; initialCode?: string; error?: string | null; footerLink: { href: string; text: string } }) {
  const { t } = await getTranslator();
  return (
    <div className={`${theme.theme} ${home.home}`}>
      <main className={theme.page}>
        <Brand />
        <div>
          <h1 className={theme.title}>{t("common.joinASession")}</h1>
          <p className={theme.lead}>{lead}</p>
        </div>
        <CodeForm initialCode={initialCode} initialError={error} />
        <p className={home.footer}>
          <Link className={theme.link} href={footerLink.href}>
            {footerLink.text}
          </Link>
        </p>
        <LanguageSwitcher />
      </main>
    </div>
  );
}
