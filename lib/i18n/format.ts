import type { Locale } from "./locales";

import { format, type Vars } from "@/lib/domain/issue";

export { format, type Vars };

/** The placeholder names a template uses, sorted and unique (for tests). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** A message that depends on a count: English and Italian need only "one" and "other". */
export interface Plural {
  one: string;
  other: string;
}

/** Picks the plural form for `count` (via Intl.PluralRules) and fills it; {count} is always set. */
export function plural(locale: Locale, forms: Plural, count: number, vars?: Vars): string {
  const category = new Intl.PluralRules(locale).select(count);
  return format(category === "one" ? forms.one : forms.other, { count, ...vars });
}
