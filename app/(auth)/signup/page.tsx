import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getFacilitator } from "@/lib/auth/session";
import { SignUpForm } from "./signup-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await getFacilitator()) redirect(callbackUrl);

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>Create a facilitator account</h1>
        <p className={styles.lead}>You need an account to run sessions. Participants never do.</p>
        <SignUpForm callbackUrl={callbackUrl} signInHref={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} />
      </div>
    </main>
  );
}
