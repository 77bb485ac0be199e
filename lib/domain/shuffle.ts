/**
 * Deterministic per-participant card order.
 *
 * Each participant sees the cards in a different order (so neighbours' phones don't hint at
 * answers and order effects average out), but the same participant must get the same order
 * again after a reload or reconnect. So the order is derived from a seed string, typically
 * `${sessionId}:${participantId}:${round}`, instead of being stored.
 *
 * Not cryptographic: the seed is not secret and nothing depends on the order being unguessable.
 * Changing the hash or generator below changes every live participant's order, so the tests pin
 * a known output.
 */

/** cyrb128 (bryc, public domain): a fast string hash producing four well-mixed 32-bit words, used to seed sfc32. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state, passes PractRand; returns [0, 1). */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A reproducible random source in [0, 1) for `seed`. */
export function seededRandom(seed: string): () => number {
  const random = sfc32(...cyrb128(seed));
  // Discard the first outputs: sfc32's state needs a few rounds to mix fully.
  for (let i = 0; i < 15; i++) random();
  return random;
}

/** A new array with `items` in an order determined by `seed` (Fisher–Yates). The input is not modified. */
export function shuffledOrder<T>(items: readonly T[], seed: string): T[] {
  const result = items.slice();
  const random = seededRandom(seed);
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = result[i] as T;
    result[i] = result[j] as T;
    result[j] = tmp;
  }
  return result;
}
