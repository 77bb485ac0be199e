import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { getFacilitator } from "@/lib/auth/session";
import { signInErrorMessage } from "../messages";
import { SignInForm } from "./signin-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getFacilitator()) redirect(callbackUrl);

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>Sign in</h1>
        <p className={styles.lead}>For facilitators. Participants join a session with its code and need no account.</p>
        <SignInForm
          callbackUrl={callbackUrl}
          providers={configuredOAuthProviders()}
          initialError={signInErrorMessage(first(params.error))}
          signUpHref={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        />
      </div>
    </main>
  );
}
