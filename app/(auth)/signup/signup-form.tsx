"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { PASSWORD_MIN, firstFieldErrors, signUpSchema, type FieldErrors } from "@/lib/auth/credentials-schema";
import { Field, focusFirstInvalid } from "../field";
import { NETWORK_ERROR } from "../messages";
import { signUp, type SignUpField } from "./actions";
import styles from "../auth.module.css";

const ORDER: readonly SignUpField[] = ["name", "email", "password"];

export function SignUpForm(props: { callbackUrl: string; signInHref: string }) {
  const router = useRouter();
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
              An account with this email already exists.{" "}
              <Link href={props.signInHref}>Sign in instead?</Link>
            </>,
          );
        } else if (result.formError === "UNAVAILABLE") {
          setFormError("Your account could not be created just now. Please try again in a moment.");
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
      setFormError(
        <>
          Your account was created, but signing in did not work. <Link href={props.signInHref}>Sign in</Link>
        </>,
      );
    } catch {
      setFormError(NETWORK_ERROR);
    }
    setPending(false);
  }

  return (
    <>
      <div role="alert" className={styles.formError}>
        {formError}
      </div>
      <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate aria-label="Create a facilitator account">
        <Field name="name" label="Name" autoComplete="name" optional hint="Shown to you only, on your dashboard." error={errors.name} />
        <Field name="email" label="Email" type="email" inputMode="email" autoComplete="email" error={errors.email} />
        <Field
          name="password"
          label="Password"
          type={showPassword ? "text" : "password"}
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          error={errors.password}
        />
        <label className={styles.checkbox}>
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          Show password
        </label>
        <button type="submit" className={styles.button} disabled={pending} aria-busy={pending}>
          {pending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className={styles.switch}>
        Already have an account?{" "}
        <Link href={props.signInHref} className={styles.link}>
          Sign in
        </Link>
      </p>
    </>
  );
}
