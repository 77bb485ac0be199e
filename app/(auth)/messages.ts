import type { Refusal } from "@/lib/auth/refusal";

/** Messages for next-auth's `?error=` codes on /signin (pages.signIn and pages.error both point
 *  there). Unknown codes get a generic line rather than echoing the query string. The texts live
 *  in lib/i18n/messages (section `auth`); these are their keys. */
export const WRONG_CREDENTIALS = "auth.wrongCredentials";

export type SignInErrorKey = typeof WRONG_CREDENTIALS | "auth.sessionRequired" | "auth.accessDenied" | "auth.oauthFailed" | "auth.failed";

export function signInErrorMessage(code: string | undefined): SignInErrorKey | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "CredentialsSignin":
      return WRONG_CREDENTIALS;
    case "SessionRequired":
      return "auth.sessionRequired";
    case "AccessDenied":
      return "auth.accessDenied";
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
      return "auth.oauthFailed";
    default:
      return "auth.failed";
  }
}

export const NETWORK_ERROR = "auth.network";

/** The (plural) message for a sign-in refused by a limit or a busy server (lib/auth/refusal.ts);
 *  its count is the refusal's retryAfterSeconds. */
export function refusalMessageKey(refusal: Refusal): "account.tooManySignIns" | "account.signInBusy" {
  return refusal.code === "Busy" ? "account.signInBusy" : "account.tooManySignIns";
}
