import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { parseRefusal } from "@/lib/auth/refusal";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { getFacilitator } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { refusalMessageKey, signInErrorMessage } from "../messages";
import { SignInForm } from "./signin-form";
import styles from "../auth.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signIn") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getFacilitator()) redirect(callbackUrl);
  const { t, tp } = await getTranslator();
  // A form posted without JavaScript lands here with next-auth's ?error=; a refusal carries its wait.
  const refusal = parseRefusal(first(params.error));
  const errorKey = signInErrorMessage(first(params.error));
  const initialError = refusal ? tp(refusalMessageKey(refusal), refusal.retryAfterSeconds) : errorKey && t(errorKey);

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>{t("auth.signIn")}</h1>
        <p className={styles.lead}>{t("auth.signInLead")}</p>
        <SignInForm
          callbackUrl={callbackUrl}
          providers={configuredOAuthProviders()}
          initialError={initialError}
          signUpHref={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        />
      </div>
    </main>
  );
}
