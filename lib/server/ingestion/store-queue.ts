import "server-only";
// Group commit for deliveries stored one at a time (a webhook request stores its one delivery):
// those that arrive while a store is running, or in the same turn of the event loop, go into
// the inbox together — one multi-row INSERT, one transaction, one durable commit — and each
// caller still learns only after that commit whether its delivery was new. A commit that
// reaches the disk costs about a millisecond on SQLite (an fsync, on the one thread), so one per
// delivery would bound a burst of webhooks near a thousand a second whatever else they cost;
// shared, it is paid once per batch. A quiet inbox stores each delivery at once, alone.
import type { Db } from "../db";
import type { ProviderId } from "../../shared/vocabulary";
import { isPassingFailure } from "./apply/passing-errors";
import type { IncomingDelivery, StoredBatch } from "./inbox";

/** Stores a batch in one transaction, durably, answering what was new (inbox.ts's storeNow). */
export type StoreNow = (db: Db, provider: ProviderId, deliveries: IncomingDelivery[]) => Promise<StoredBatch>;

interface Waiting {
  provider: ProviderId;
  delivery: IncomingDelivery;
  resolve: (stored: StoredBatch) => void;
  reject: (error: unknown) => void;
}

/** Deliveries one commit takes at most: its statements stay small, and the callers behind it wait for one more. */
const MAX_GROUP = 500;

export class StoreQueue {
  private waiting: Waiting[] = [];
  private storing = false;

  constructor(
    private readonly db: Db,
    private readonly storeNow: StoreNow,
  ) {}

  /** Resolves once the delivery is committed (created) or found already there (duplicate). */
  store(provider: ProviderId, delivery: IncomingDelivery): Promise<StoredBatch> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ provider, delivery, resolve, reject });
      // Requests whose bodies arrived in this turn of the event loop join the first one.
      if (!this.storing && this.waiting.length === 1) setImmediate(() => void this.storeWaiting());
    });
  }

  private async storeWaiting(): Promise<void> {
    this.storing = true;
    try {
      while (this.waiting.length > 0) {
        const taken = this.waiting.splice(0, MAX_GROUP);
        for (const group of byProvider(taken)) await this.storeGroup(group);
      }
    } finally {
      this.storing = false;
    }
  }

  private async storeGroup(group: Waiting[]): Promise<void> {
    const { provider } = group[0]!;
    try {
      const stored = await this.storeNow(
        this.db,
        provider,
        group.map((entry) => entry.delivery),
      );
      answerEach(group, stored);
    } catch (error) {
      // A busy or unreachable database fails them all alike: each sender tries again later.
      if (group.length === 1 || isPassingFailure(error)) {
        for (const entry of group) entry.reject(error);
        return;
      }
      // One delivery the database refuses must not fail the others stored with it: each alone.
      for (const entry of group) await this.storeGroup([entry]);
    }
  }
}

function byProvider(entries: Waiting[]): Waiting[][] {
  const groups = new Map<ProviderId, Waiting[]>();
  for (const entry of entries) groups.set(entry.provider, [...(groups.get(entry.provider) ?? []), entry]);
  return [...groups.values()];
}

/** Each caller's share of the batch: the first of an external id gets the row it created, a repeat is a duplicate. */
function answerEach(group: Waiting[], stored: StoredBatch) {
  const created = new Map(stored.created.map((row) => [row.externalId, row]));
  for (const { delivery, resolve } of group) {
    const row = created.get(delivery.externalId);
    created.delete(delivery.externalId);
    resolve(row ? { created: [row], duplicates: [] } : { created: [], duplicates: [delivery.externalId] });
  }
}

// On globalThis: Next's route bundle and the app's server's webhook route (registered from the
// instrumentation bundle) store through one queue per database client.
const queues = ((
  globalThis as typeof globalThis & { __assessmentHubStoreQueues?: WeakMap<Db, StoreQueue> }
).__assessmentHubStoreQueues ??= new WeakMap());

export function storeQueueFor(db: Db, storeNow: StoreNow): StoreQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new StoreQueue(db, storeNow);
    queues.set(db, queue);
  }
  return queue;
}
