import { describe, expect, it as test } from "vitest";
import en from "@/lib/i18n/messages/en";
import it from "@/lib/i18n/messages/it";
import { publicMessages, STAFF_NAMESPACES } from "@/lib/i18n/namespaces";

describe("publicMessages", () => {
  test.each([
    ["en", en],
    ["it", it],
  ] as const)("%s: drops exactly the staff namespaces and keeps every other one as is", (_locale, messages) => {
    const pub = publicMessages(messages) as Record<string, unknown>;
    for (const namespace of STAFF_NAMESPACES) expect(pub).not.toHaveProperty(namespace);
    const kept = Object.keys(messages).filter((n) => !(STAFF_NAMESPACES as readonly string[]).includes(n));
    expect(Object.keys(pub).sort()).toEqual(kept.sort());
    for (const namespace of kept) expect(pub[namespace]).toBe((messages as Record<string, unknown>)[namespace]);
  });

  test("every staff namespace exists in the catalogue (a renamed one would silently stay public)", () => {
    for (const namespace of STAFF_NAMESPACES) expect(en).toHaveProperty(namespace);
  });

  test("the phone's texts stay public", () => {
    const pub = publicMessages(en);
    for (const namespace of ["common", "join", "participant", "deck", "review", "result", "errors", "auth", "unauthorized"] as const) {
      expect(pub).toHaveProperty(namespace);
    }
  });
});
