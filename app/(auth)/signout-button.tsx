"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { signOutEverywhere } from "./account-actions";
import styles from "./auth.module.css";

const LABELS = {
  here: { idle: "dashboard.signOut", pending: "dashboard.signingOut", failed: "dashboard.signOutFailed" },
  everywhere: { idle: "account.signOutEverywhere", pending: "account.signingOutEverywhere", failed: "account.signOutEverywhereFailed" },
} as const;

/** Signs out through next-auth (POST /api/auth/signout with its CSRF token, which ends this
 *  browser's session for good and clears its cookie), then loads the sign-in page. With
 *  `everywhere`, first ends the facilitator's sessions in every browser (./account-actions.ts). */
export function SignOutButton({ className, everywhere = false }: { className?: string; everywhere?: boolean }) {
  const router = useRouter();
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labels = LABELS[everywhere ? "everywhere" : "here"];

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      if (everywhere) await signOutEverywhere();
      await signOut({ redirect: false });
      router.replace("/signin");
      router.refresh();
    } catch {
      setError(t(labels.failed));
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className={className ?? styles.secondaryButton} onClick={() => void onClick()} disabled={pending} aria-busy={pending}>
        {pending ? t(labels.pending) : t(labels.idle)}
      </button>
      <p role="alert" className={styles.fieldError}>
        {error}
      </p>
    </>
  );
}
