/** Messages for next-auth's `?error=` codes on /signin (pages.signIn and pages.error both point
 *  there). Unknown codes get a generic line rather than echoing the query string. */
export const WRONG_CREDENTIALS = "Wrong email or password.";

export function signInErrorMessage(code: string | undefined): string | null {
  switch (code) {
    case undefined:
    case "":
      return null;
    case "CredentialsSignin":
      return WRONG_CREDENTIALS;
    case "SessionRequired":
      return "Sign in to continue.";
    case "AccessDenied":
      return "That account could not sign you in. Its email address must be verified with the provider.";
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "Callback":
      return "Signing in with that provider did not work. Please try again.";
    default:
      return "Signing in did not work. Please try again.";
  }
}

export const NETWORK_ERROR = "Could not reach SortRoom. Check your connection and try again.";
