"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { PASSWORD_MIN, firstFieldErrors, signUpSchema, type FieldErrors } from "@/lib/auth/credentials-schema";
import { parseRefusal } from "@/lib/auth/refusal";
import { useT } from "@/lib/i18n/client";
import { Field, focusFirstInvalid } from "../field";
import { NETWORK_ERROR, refusalMessageKey } from "../messages";
import { signUp, type SignUpField } from "./actions";
import styles from "../auth.module.css";

const ORDER: readonly SignUpField[] = ["name", "email", "password"];

export function SignUpForm(props: { callbackUrl: string; signInHref: string }) {
  const router = useRouter();
  const { t, tp } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<SignUpField>>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const [pending, setPending] = useState(false);
  const [showPassword, setShowPassword] = useState(false);

  function showFieldErrors(fieldErrors: FieldErrors<SignUpField>) {
    setErrors(fieldErrors);
    focusFirstInvalid(formRef.current, ORDER, fieldErrors);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    // Checked here first for instant feedback; the server action checks again.
    const parsed = signUpSchema.safeParse({ email: data.get("email"), password: data.get("password"), name: data.get("name") });
    setFormError(null);
    if (!parsed.success) {
      showFieldErrors(firstFieldErrors<SignUpField>(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await signUp(data);
      if (!result.ok) {
        if (result.formError === "EMAIL_TAKEN") {
          setFormError(
            <>
              {t("auth.emailTaken")}{" "}
              <Link href={props.signInHref}>{t("auth.signInInstead")}</Link>
            </>,
          );
        } else if (result.formError === "UNAVAILABLE") {
          setFormError(t("auth.unavailable"));
        } else if (result.formError === "RATE_LIMITED") {
          setFormError(tp("account.tooManySignUps", result.retryAfterSeconds));
        } else if (result.formError === "BUSY") {
          setFormError(tp("account.signInBusy", result.retryAfterSeconds));
        }
        showFieldErrors(result.fieldErrors);
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { email: result.email, password: parsed.data.password, redirect: false });
      if (signedIn?.ok && !signedIn.error) {
        router.replace(props.callbackUrl);
        router.refresh();
        return;
      }
      const refusal = parseRefusal(signedIn?.error);
      setFormError(
        <>
          {t("auth.createdButNotSignedIn")}
          {refusal ? `${tp(refusalMessageKey(refusal), refusal.retryAfterSeconds)} ` : null}
          <Link href={props.signInHref}>{t("auth.signIn")}</Link>
        </>,
      );
    } catch {
      setFormError(t(NETWORK_ERROR));
    }
    setPending(false);
  }

  return (
    <>
      <div role="alert" className={styles.formError}>
        {formError}
      </div>
      <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate aria-label={t("auth.signUpTitle")}>
        <Field name="name" label={t("auth.name")} autoComplete="name" optional hint={t("auth.nameHint")} error={errors.name} />
        <Field name="email" label={t("auth.email")} type="email" inputMode="email" autoComplete="email" error={errors.email} />
        <Field
          name="password"
          label={t("auth.password")}
          type={showPassword ? "text" : "password"}
          autoComplete="new-password"
          hint={t("auth.passwordHint", { min: PASSWORD_MIN })}
          error={errors.password}
        />
        <label className={styles.checkbox}>
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          {t("auth.showPassword")}
        </label>
        <button type="submit" className={styles.button} disabled={pending} aria-busy={pending}>
          {pending ? t("auth.creating") : t("auth.createAccount")}
        </button>
      </form>
      <p className={styles.switch}>
        {t("auth.haveAccount")}{" "}
        <Link href={props.signInHref} className={styles.link}>
          {t("auth.signIn")}
        </Link>
      </p>
    </>
  );
}
