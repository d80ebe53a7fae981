// A small seeded generator, so a given seed always produces the same traffic.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: Random, min: number, max: number): number {
  return Math.floor(min + random() * (max - min + 1));
}

const ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "evt_01J9XYZABC…"-style ids, unique within a run. */
export function eventId(random: Random, counter: number): string {
  let suffix = "";
  for (let index = 0; index < 10; index += 1) suffix += ULID_ALPHABET[Math.floor(random() * 32)];
  return `evt_01J${counter.toString(32).toUpperCase().padStart(6, "0")}${suffix}`;
}
