import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./reports.module.css";

/** A one-card page of the results area (not found, sign-in needed): a title, a lead, one primary
 *  link (or any action node) and optional extra content. */
export function MessagePage({ title, lead, action, children }: { title: string; lead: string; action: { href: string; label: string } | ReactNode; children?: ReactNode }) {
  const isLink = typeof action === "object" && action !== null && "href" in action && "label" in action;
  return (
    <main className={styles.page}>
      <div className={styles.wrap} style={{ paddingTop: "3rem" }}>
        <div className={styles.card}>
          <h1 className={styles.title}>{title}</h1>
          <p>{lead}</p>
          <p className={styles.actions}>
            {isLink ? (
              <Link className={styles.button} href={action.href}>
                {action.label}
              </Link>
            ) : (
              action
            )}
          </p>
          {children}
        </div>
      </div>
    </main>
  );
}
