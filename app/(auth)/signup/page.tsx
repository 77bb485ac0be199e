import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getFacilitator } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { SignUpForm } from "./signup-form";
import styles from "../auth.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.signUpMeta") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await getFacilitator()) redirect(callbackUrl);
  const { t } = await getTranslator();

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>{t("auth.signUpTitle")}</h1>
        <p className={styles.lead}>{t("auth.signUpLead")}</p>
        <SignUpForm callbackUrl={callbackUrl} signInHref={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} />
      </div>
    </main>
  );
}
