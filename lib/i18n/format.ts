import type { Locale } from "./locales";

export type Vars = Record<string, string | number>;

/** Fills "{name}" placeholders; an unknown placeholder is left as written. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/** The placeholder names a template uses, sorted and unique (for tests). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** A message that depends on a count: English and Italian need only "one" and "other". */
export interface Plural {
  one: string;
  other: string;
}

export function isPlural(value: unknown): value is Plural {
  return typeof value === "object" && value !== null && "one" in value && "other" in value && Object.keys(value).length === 2;
}

/** Picks the plural form for `count` (via Intl.PluralRules) and fills it; {count} is always set. */
export function plural(locale: Locale, forms: Plural, count: number, vars?: Vars): string {
  const category = new Intl.PluralRules(locale).select(count);
  return format(category === "one" ? forms.one : forms.other, { count, ...vars });
}
