/** Where to go after signing in. Only same-site relative paths are accepted ("/dashboard",
 *  "/w/abc?x=1"); anything else ("https://evil.example", "//evil.example", "/\\evil", "javascript:")
 *  falls back, so a crafted sign-in link cannot send a facilitator off-site. */
export const DEFAULT_CALLBACK_URL = "/dashboard";

export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_CALLBACK_URL): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters (tabs, newlines) are stripped by browsers and can turn "/\t/x" into "//x".
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://sortroom.invalid");
    if (url.origin !== "http://sortroom.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** "/signin?callbackUrl=..." for a page that needs a signed-in facilitator. */
export function signInPath(callbackUrl?: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}`;
}
