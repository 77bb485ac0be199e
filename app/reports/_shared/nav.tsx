import Link from "next/link";
import styles from "./reports.module.css";

type Section = "sessions" | "compare" | "report" | "tokens";

/** Top navigation of the results pages (hidden when printing). */
export function ReportsNav({ current }: { current: Section }) {
  const link = (href: string, label: string, section?: Section) => (
    <Link href={href} aria-current={section === current ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <nav className={styles.nav} aria-label="Facilitator">
      <span className={styles.brand}>SortRoom</span>
      {link("/dashboard", "Dashboard")}
      {link("/sessions", "Sessions", "sessions")}
      {link("/settings/tokens", "API tokens", "tokens")}
    </nav>
  );
}
