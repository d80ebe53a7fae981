// Faults the emulator injects on demand, so tests and the demo see what a real network and
// a busy provider do: 5xx answers, 429 with Retry-After, dropped connections, slow answers.

export type Fault =
  | { kind: "server-error"; status?: number }
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "drop" }
  | { kind: "slow"; delayMs: number };

export type FaultTarget = "events" | "acknowledge" | "any";

interface Planned {
  fault: Fault;
  target: FaultTarget;
  remaining: number;
}

export class FaultPlan {
  private planned: Planned[] = [];
  /** Chance (0..1) that any request meets a random fault, for the demo's realism. */
  randomRate = 0;

  /** The next `times` requests to `target` meet this fault (in the order faults were added). */
  inject(fault: Fault, options: { times?: number; target?: FaultTarget } = {}): void {
    this.planned.push({ fault, target: options.target ?? "any", remaining: options.times ?? 1 });
  }

  clear(): void {
    this.planned = [];
    this.randomRate = 0;
  }

  /** The fault this request meets, if any; consumes one use of it. */
  take(target: Exclude<FaultTarget, "any">, random: () => number = Math.random): Fault | null {
    const planned = this.planned.find((item) => item.target === "any" || item.target === target);
    if (planned) {
      planned.remaining -= 1;
      if (planned.remaining <= 0) this.planned.splice(this.planned.indexOf(planned), 1);
      return planned.fault;
    }
    if (this.randomRate > 0 && random() < this.randomRate) {
      const pick = random();
      if (pick < 0.4) return { kind: "server-error", status: 503 };
      if (pick < 0.7) return { kind: "rate-limit", retryAfterSeconds: 2 };
      if (pick < 0.85) return { kind: "drop" };
      return { kind: "slow", delayMs: 1_500 };
    }
    return null;
  }
}
