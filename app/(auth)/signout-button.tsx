"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./auth.module.css";

/** Signs out through next-auth (POST /api/auth/signout with its CSRF token, which clears the
 *  session cookie), then loads the sign-in page. */
export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
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
      setError("Could not sign out. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className={className ?? styles.secondaryButton} onClick={() => void onClick()} disabled={pending} aria-busy={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <p role="alert" className={styles.fieldError}>
        {error}
      </p>
    </>
  );
}
