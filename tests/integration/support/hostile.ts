import fc from "fast-check";
import { z } from "zod";

/**
 * Payload generators for property tests of the realtime protocol: values generated from a zod
 * schema (through its JSON Schema, so every client event's generator follows its real schema),
 * near misses of those (one field wrong, one missing, one unknown), and hostile shapes (wrong
 * types, null and NaN, lone surrogates, NUL, huge and deeply nested values, `__proto__`).
 */

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Strings a careless server would choke on. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 8 }), loneSurrogate, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c),
  fc.constantFrom("\u0000", "a\u0000b", "__proto__", "constructor", "prototype", "toString", "\u202Egnp", "🧭".repeat(40), "%s%n", "${7*7}", "' OR 1=1 --"),
);

function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Anything JSON can carry, and the shapes that have broken servers before. Kept under the
 *  transport's frame cap (64 KB): a larger frame is not a well-framed event. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, 0, 1, -1, 2 ** 53, true, false, "", [], {}),
  fc.double(),
  fc.integer(),
  hostileString,
  fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withDate: true, withSparseArray: true, withBigInt: false, withTypedArray: false, withMap: false, withSet: false }),
  fc.integer({ min: 50, max: 2_000 }).chain((depth) => fc.boolean().map((asArray) => nest(depth, asArray))),
  fc.integer({ min: 4_000, max: 40_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 500, max: 4_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse('{"__proto__": null}'),
    JSON.parse('[{"__proto__": {"toString": 1}}]'),
  ),
);

function fromJsonSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(fromJsonSchema));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const);
  switch (schema.type) {
    case "object": {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, fromJsonSchema(value)]));
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    case "string":
      if (schema.format === "uuid") return fc.uuid();
      return fc.string({ unit: "binary", minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 80, 80) });
    case "integer":
      return fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 });
    case "number":
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return hostileValue;
  }
}

/** Values of the schema's input type, generated from the schema itself. */
export function validFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fromJsonSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
}

/** A value of the schema, spoilt one way: a field replaced by a hostile value, a field removed,
 *  or an unknown field added. */
export function nearMissFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.tuple(validFor(schema), fc.nat(), hostileValue, fc.constantFrom("replace", "remove", "add")).map(([value, pick, bad, how]) => {
    if (typeof value !== "object" || value === null) return bad;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    // defineProperty: assigning to "__proto__" would set the prototype instead of adding a key.
    const define = (key: string) => Object.defineProperty(copy, key, { value: bad, enumerable: true, writable: true, configurable: true });
    if (how === "add" || keys.length === 0) define(["extra", "__proto__", "constructor", "role", "participantId"][pick % 5]!);
    else if (how === "remove") delete copy[keys[pick % keys.length]!];
    else define(keys[pick % keys.length]!);
    return copy;
  });
}

/** What the server receives for a payload: Socket.IO sends JSON (NaN and undefined become null,
 *  a Date its ISO string, an own `__proto__` key stays a key). */
export function onTheWire(payload: unknown): unknown {
  return (JSON.parse(JSON.stringify([payload])) as unknown[])[0];
}
