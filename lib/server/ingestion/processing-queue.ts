import "server-only";
// Pushed deliveries are processed after their answer, one at a time per process, in arrival
// order, and answers come first. Processing one delivery costs 10–20 ms of CPU (a dozen
// Prisma statements; SQLite's driver is synchronous, so meanwhile the event loop does not
// look at the network). Run as each request finishes, that CPU comes straight out of the
// next answers, and a burst is answered only as fast as it is processed. So between two
// deliveries the queue lets the event loop take in everything waiting on the network first:
// during a burst, answers go out at nearly the rate storing allows and processing falls
// behind; it catches up once the burst is over. Nothing is lost if the process stops: the
// deliveries are in the inbox as pending, and the sweep (pending-sweeper.ts) picks them up.
import type { Db } from "../db";
import { log } from "../log";
import { processDelivery, type ProcessOutcome } from "./process-delivery";

/** Past this many waiting, new arrivals are left to the sweep instead of held in memory. */
const MAX_WAITING = 10_000;

interface Task {
  deliveryId: string;
  done: (outcome: ProcessOutcome | "deferred") => void;
}

export class ProcessingQueue {
  private readonly waiting: Task[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  get size(): number {
    return this.waiting.length;
  }

  /** Resolves with what became of the delivery (or "deferred" to the sweep); never rejects. */
  enqueue(deliveryId: string): Promise<ProcessOutcome | "deferred"> {
    if (this.waiting.length >= MAX_WAITING) {
      log.warn(
        { deliveryId, waiting: this.waiting.length },
        "processing queue full: the delivery stays pending for the sweep",
      );
      return Promise.resolve("deferred");
    }
    return new Promise((done) => {
      this.waiting.push({ deliveryId, done });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      for (let task = this.waiting.shift(); task; task = this.waiting.shift()) {
        try {
          task.done(await processDelivery(this.db, task.deliveryId));
        } catch (error) {
          log.error(
            { err: error, deliveryId: task.deliveryId },
            "processing a stored delivery failed; it stays pending for the sweep",
          );
          task.done("deferred");
        }
        await letNetworkIn();
      }
    } finally {
      this.running = false;
    }
  }
}

/** A turn of the event loop that took longer than this was busy answering requests. */
const BUSY_TURN_MS = 4;
/** Even while busy, process at least one delivery this often, so a steady stream is processed too. */
const MAX_DEFER_MS = 250;

/**
 * Waits until the event loop has taken in what is waiting on the network: one turn at least
 * (resuming in the check phase, after that turn's poll phase has run the waiting requests; a
 * bare setImmediate from here would run before it), more while turns stay busy, up to
 * MAX_DEFER_MS.
 */
async function letNetworkIn(): Promise<void> {
  const deferredSince = performance.now();
  for (;;) {
    const turnStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setImmediate(resolve));
    const now = performance.now();
    if (now - turnStarted < BUSY_TURN_MS || now - deferredSince > MAX_DEFER_MS) return;
  }
}

const queues = new WeakMap<Db, ProcessingQueue>();

/** One queue per database client (so, in the app, one per process). */
export function processingQueueFor(db: Db): ProcessingQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new ProcessingQueue(db);
    queues.set(db, queue);
  }
  return queue;
}
