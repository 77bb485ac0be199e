"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { firstFieldErrors, signInSchema, type FieldErrors } from "@/lib/auth/credentials-schema";
import { parseRefusal } from "@/lib/auth/refusal";
import { useT } from "@/lib/i18n/client";
import { Field, focusFirstInvalid } from "../field";
import { NETWORK_ERROR, WRONG_CREDENTIALS, refusalMessageKey, signInErrorMessage } from "../messages";
import styles from "../auth.module.css";

type Name = "email" | "password";
const ORDER: readonly Name[] = ["email", "password"];

export function SignInForm(props: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError: string | null;
  signUpHref: string;
}) {
  const router = useRouter();
  const { t, tp } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Name>>({});
  const [formError, setFormError] = useState<string | null>(props.initialError);
  const [pending, setPending] = useState<string | null>(null); // which button is busy
  const [showPassword, setShowPassword] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    if (!parsed.success) {
      const fieldErrors = firstFieldErrors<Name>(parsed.error);
      setErrors(fieldErrors);
      setFormError(null);
      focusFirstInvalid(formRef.current, ORDER, fieldErrors);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending("credentials");
    try {
      // redirect:false so a wrong password is answered inline, without a page load.
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        // The destination is rendered on the server, which now receives the session cookie.
        router.replace(props.callbackUrl);
        router.refresh();
        return;
      }
      // Over a limit (or argon2 saturated): say so and when to try again (lib/auth/refusal.ts).
      const refusal = parseRefusal(result?.error);
      if (refusal) setFormError(tp(refusalMessageKey(refusal), refusal.retryAfterSeconds));
      else setFormError(t(result?.error === "CredentialsSignin" ? WRONG_CREDENTIALS : (signInErrorMessage(result?.error ?? "unknown") ?? "auth.failed")));
      if (passwordRef.current) {
        passwordRef.current.value = "";
        passwordRef.current.focus();
      }
    } catch {
      setFormError(t(NETWORK_ERROR));
    }
    setPending(null);
  }

  async function onOAuth(id: string) {
    setPending(id);
    try {
      await signIn(id, { callbackUrl: props.callbackUrl }); // leaves the page for the provider
    } catch {
      setFormError(t(NETWORK_ERROR));
      setPending(null);
    }
  }

  return (
    <>
      <div role="alert" className={styles.formError}>
        {formError}
      </div>
      <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate aria-label={t("auth.signInWithEmail")}>
        <Field name="email" label={t("auth.email")} type="email" inputMode="email" autoComplete="email" error={errors.email} />
        <Field
          ref={passwordRef}
          name="password"
          label={t("auth.password")}
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          error={errors.password}
        />
        <label className={styles.checkbox}>
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          {t("auth.showPassword")}
        </label>
        <button type="submit" className={styles.button} disabled={pending !== null} aria-busy={pending === "credentials"}>
          {pending === "credentials" ? t("auth.signingIn") : t("auth.signIn")}
        </button>
      </form>

      {props.providers.length > 0 ? (
        <>
          <p className={styles.divider}>{t("auth.or")}</p>
          <ul className={styles.oauthList}>
            {props.providers.map((p) => (
              <li key={p.id}>
                <button type="button" className={styles.oauthButton} disabled={pending !== null} aria-busy={pending === p.id} onClick={() => void onOAuth(p.id)}>
                  {pending === p.id ? t("auth.opening", { provider: p.name }) : t("auth.continueWith", { provider: p.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <p className={styles.switch}>
        {t("auth.newTo")}{" "}
        <Link href={props.signUpHref} className={styles.link}>
          {t("auth.createAccountLink")}
        </Link>
      </p>
    </>
  );
}
