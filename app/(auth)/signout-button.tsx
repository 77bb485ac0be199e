"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import styles from "./auth.module.css";

/** Signs out through next-auth (POST /api/auth/signout with its CSRF token, which clears the
 *  session cookie), then loads the sign-in page. */
export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      await signOut({ redirect: false });
      router.replace("/signin");
      router.refresh();
    } catch {
      setError(t("dashboard.signOutFailed"));
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className={className ?? styles.secondaryButton} onClick={() => void onClick()} disabled={pending} aria-busy={pending}>
        {pending ? t("dashboard.signingOut") : t("dashboard.signOut")}
      </button>
      <p role="alert" className={styles.fieldError}>
        {error}
      </p>
    </>
  );
}
