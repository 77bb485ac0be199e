"use client";

import type { ReactNode } from "react";
import theme from "../../_ui/participant-theme.module.css";
import styles from "./participant.module.css";
import { useFocusOnMount } from "./useFocusOnMount";

/** A calm, centred screen: a heading, a few words, maybe an action. Every state that is not
 *  sorting uses it, so no state is ever a blank page. */
export function StatusScreen({ kicker, title, children, icon }: { kicker?: string; title: string; children?: ReactNode; icon?: ReactNode }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className={`${theme.page} ${styles.status}`}>
      {icon && <div className={styles.icon}>{icon}</div>}
      {kicker && <p className={styles.kicker}>{kicker}</p>}
      <h1 ref={heading} tabIndex={-1} className={`${theme.title} ${styles.statusTitle}`}>
        {title}
      </h1>
      {children}
    </main>
  );
}
