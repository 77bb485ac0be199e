/**
 * Text that PostgreSQL can store as it was typed. A `text` (or `jsonb`) value cannot hold
 * U+0000: the driver's insert fails and the request used to end in HTTP 500. A lone UTF-16
 * surrogate (half of an emoji, say, from a truncated paste or a hostile client) is not valid
 * Unicode: the driver would silently store U+FFFD in its place, so what was saved would not be
 * what was sent. Boundaries refuse both with a validation error naming the field. Pure.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** With the `u` flag a well-formed pair is one astral code point, so only a lone half matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
