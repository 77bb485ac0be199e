/**
 * Problems found by lib/ validation (decks, sign-up, sessions), as data every edge can use. Pure,
 * and part of the core so that lib/decks does not depend on lib/i18n (which depends on the decks'
 * issue catalogs to translate them).
 */

export type Vars = Record<string, string | number>;

/** Fills "{name}" placeholders; an unknown placeholder is left as written. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/**
 * A problem that lib/ validation found, in a form every edge can use: a stable `code` (a key of
 * the catalog it comes from, and of the matching messages namespace), its `params`, and `message`,
 * the English default (the catalog's template filled with the params) for API and JSON consumers.
 * The UI translates code + params instead (translateIssue in ./translate). Pure.
 */
export interface Issue<C extends string = string> {
  code: C;
  params: Vars;
  message: string;
}

/** English templates by code ("{name}" placeholders), as a lib module defines them. */
export type IssueCatalog<C extends string> = Readonly<Record<C, string>>;

export function makeIssue<C extends string>(catalog: IssueCatalog<C>, code: C, params: Vars = {}): Issue<C> {
  return { code, params, message: format(catalog[code], params) };
}

// zod keeps nothing of a custom error but its message, so schemas that report issues return
// the code and params packed into the message, and the parse function unpacks them again.
const PACKED = /^@issue:([a-z][a-z0-9_]*):(\{.*\})$/s;

/** Packs an issue into a zod error message (see unpackIssue). */
export function packIssue(code: string, params: Vars = {}): string {
  return `@issue:${code}:${JSON.stringify(params)}`;
}

/** The issue packed into a zod message by packIssue, when its code is in `catalog`; else null. */
export function unpackIssue<C extends string>(catalog: IssueCatalog<C>, message: string): Issue<C> | null {
  const match = PACKED.exec(message);
  if (!match || !Object.hasOwn(catalog, match[1]!)) return null;
  let params: Vars;
  try {
    params = JSON.parse(match[2]!) as Vars;
  } catch {
    return null;
  }
  return makeIssue(catalog, match[1] as C, params);
}
