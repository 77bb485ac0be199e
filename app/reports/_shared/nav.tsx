import Link from "next/link";
import { LanguageSwitcher } from "@/lib/i18n/client";
import { getTranslator } from "@/lib/i18n/server";
import styles from "./reports.module.css";

type Section = "sessions" | "compare" | "report" | "tokens";

/** Top navigation of the results pages, with the language switcher (hidden when printing). */
export async function ReportsNav({ current }: { current: Section }) {
  const { t } = await getTranslator();
  const link = (href: string, label: string, section?: Section) => (
    <Link href={href} aria-current={section === current ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <nav className={styles.nav} aria-label={t("dashboard.nav")}>
      <span className={styles.brand}>SortRoom</span>
      {link("/dashboard", t("dashboard.title"))}
      {link("/sessions", t("reports.nav.sessions"), "sessions")}
      {link("/settings/tokens", t("dashboard.apiTokens"), "tokens")}
      <LanguageSwitcher />
    </nav>
  );
}
