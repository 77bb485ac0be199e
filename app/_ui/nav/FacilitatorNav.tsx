import Link from "next/link";
import { LanguageSwitcher } from "@/lib/i18n/client";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { SignOutButton } from "../../(auth)/signout-button";
import styles from "./FacilitatorNav.module.css";

export type FacilitatorSection = "dashboard" | "sessions" | "decks" | "tokens";

const LINKS: { section: FacilitatorSection; href: string; label: MessageKey }[] = [
  { section: "dashboard", href: "/dashboard", label: "dashboard.title" },
  { section: "sessions", href: "/sessions", label: "dashboard.sessionsReports" },
  { section: "decks", href: "/decks", label: "dashboard.decks" },
  { section: "tokens", href: "/settings/tokens", label: "dashboard.apiTokens" },
];

/** The one navigation of the facilitator pages: a link to each section, the language switch and
 *  sign-out. `current` is the section the page is in; `subpage` says the page is inside it (a
 *  report is in "sessions") rather than the section's own page, so the link is marked as the
 *  current section (aria-current="true") rather than as this page. */
export async function FacilitatorNav({ current, subpage = false }: { current: FacilitatorSection; subpage?: boolean }) {
  const { t } = await getTranslator();
  return (
    <header className={styles.bar}>
      <nav className={styles.nav} aria-label={t("dashboard.nav")}>
        <span className={styles.brand}>SortRoom</span>
        <ul className={styles.links}>
          {LINKS.map((link) => (
            <li key={link.section}>
              <Link href={link.href} className={styles.link} aria-current={link.section === current ? (subpage ? "true" : "page") : undefined}>
                {t(link.label)}
              </Link>
            </li>
          ))}
        </ul>
        <div className={styles.tools}>
          <LanguageSwitcher />
          <SignOutButton className={styles.signOut} />
        </div>
      </nav>
    </header>
  );
}
