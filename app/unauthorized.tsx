import Link from "next/link";
import { Suspense } from "react";
import { getTranslator } from "@/lib/i18n/server";
import { MessagePage } from "./reports/_shared/message-page";
import styles from "./reports/_shared/reports.module.css";
import { SignInBackLink } from "./reports/_shared/sign-in-back-link";

/** HTTP 401 for a signed-out visitor of a facilitator-only page (unauthorized() from
 *  facilitatorOrUnauthorized): says why, and signs in with a way back to the page asked for. */
export default async function Unauthorized() {
  const { t } = await getTranslator();
  const signIn = t("unauthorized.signIn");
  return (
    <>
      <title>{`${t("unauthorized.metaTitle")} · SortRoom`}</title>
      <MessagePage
        title={t("unauthorized.title")}
        lead={t("unauthorized.lead")}
        action={
          <Suspense
            fallback={
              <Link className={styles.button} href="/signin" prefetch={false}>
                {signIn}
              </Link>
            }
          >
            <SignInBackLink className={styles.button}>{signIn}</SignInBackLink>
          </Suspense>
        }
      >
        <p className={styles.muted} style={{ marginTop: "1rem" }}>
          {t("unauthorized.participants")} <Link href="/">{t("common.joinASession")}</Link>
        </p>
      </MessagePage>
    </>
  );
}
