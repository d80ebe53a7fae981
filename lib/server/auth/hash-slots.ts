import "server-only";

/**
 * A bound on password hashes computed at once. Each bcrypt hash costs about a quarter of a
 * second of CPU, and sign-in is open to anyone: without a bound, a flood of tries (unknown
 * emails included, which are hashed too so they take as long as known ones) would queue
 * behind one another and starve every other request. Past the bound a try is refused at
 * once, without hashing, and the person is asked to try again.
 */
export interface HashSlots {
  /** A release function when a slot was free, else null: refuse the request. */
  tryAcquire(): (() => void) | null;
  readonly inUse: number;
}

export function hashSlots(capacity: number): HashSlots {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error("hash slots need a capacity of at least 1");
  let inUse = 0;
  return {
    tryAcquire() {
      if (inUse >= capacity) return null;
      inUse += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inUse -= 1;
      };
    },
    get inUse() {
      return inUse;
    },
  };
}

/** The process's slots: two cores here, so a few hashes at once already use them fully. */
export const SIGN_IN_HASH_SLOTS = hashSlots(4);
