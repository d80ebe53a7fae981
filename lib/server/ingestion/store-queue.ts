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
import { runDetached } from "../../observability/operations";
import { isPassingFailure } from "./apply/passing-errors";
import type { IncomingDelivery, StoredBatch } from "./inbox";

/**
 * Stores a batch in one transaction, durably, answering what was new: inbox.ts's storeNow, or
 * store-and-apply.ts's, which applies the group in the same commit (a webhook's).
 */
export type StoreNow<D extends IncomingDelivery = IncomingDelivery, R extends StoredBatch = StoredBatch> = (
  db: Db,
  provider: ProviderId,
  deliveries: D[],
) => Promise<R>;

interface Waiting<D, R extends StoredBatch> {
  provider: ProviderId;
  delivery: D;
  resolve: (stored: Answer<R>) => void;
  reject: (error: unknown) => void;
}

/** One caller's share of its group's batch: its created row (with whatever the store says of it), or its duplicate. */
type Answer<R extends StoredBatch> = { created: R["created"]; duplicates: string[] };

/** Deliveries one commit takes at most: its statements stay small, and the callers behind it wait for one more. */
const MAX_GROUP = 500;

export class StoreQueue<D extends IncomingDelivery = IncomingDelivery, R extends StoredBatch = StoredBatch> {
  private waiting: Waiting<D, R>[] = [];
  private storing = false;

  constructor(
    private readonly db: Db,
    private readonly storeNow: StoreNow<D, R>,
  ) {}

  /** Resolves once the delivery is committed (created) or found already there (duplicate). */
  store(provider: ProviderId, delivery: D): Promise<Answer<R>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ provider, delivery, resolve, reject });
      // Requests whose bodies arrived in this turn of the event loop join the first one. A group
      // serves all its requests, so it runs outside the first one's trace and log context.
      if (!this.storing && this.waiting.length === 1) setImmediate(() => runDetached(() => void this.storeWaiting()));
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

  private async storeGroup(group: Waiting<D, R>[]): Promise<void> {
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

function byProvider<W extends { provider: ProviderId }>(entries: W[]): W[][] {
  const groups = new Map<ProviderId, W[]>();
  for (const entry of entries) groups.set(entry.provider, [...(groups.get(entry.provider) ?? []), entry]);
  return [...groups.values()];
}

/** Each caller's share of the batch: the first of an external id gets the row it created, a repeat is a duplicate. */
function answerEach<D extends IncomingDelivery, R extends StoredBatch>(group: Waiting<D, R>[], stored: R) {
  const created = new Map(stored.created.map((row) => [row.externalId, row]));
  for (const { delivery, resolve } of group) {
    const row = created.get(delivery.externalId);
    created.delete(delivery.externalId);
    resolve(row ? { created: [row], duplicates: [] } : { created: [], duplicates: [delivery.externalId] });
  }
}

// On globalThis: Next's route bundle and the app's server's webhook route (registered from the
// instrumentation bundle) store through one queue per database client and kind of store. The
// kind is a name, not the function: each bundle has its own copy of the function.
const queues = ((
  globalThis as typeof globalThis & { __assessmentHubStoreQueues?: WeakMap<Db, Map<string, unknown>> }
).__assessmentHubStoreQueues ??= new WeakMap());

export function storeQueueFor<D extends IncomingDelivery, R extends StoredBatch>(
  db: Db,
  kind: "store" | "store-and-apply",
  storeNow: StoreNow<D, R>,
): StoreQueue<D, R> {
  let ofDb = queues.get(db);
  if (!ofDb) {
    ofDb = new Map();
    queues.set(db, ofDb);
  }
  let queue = ofDb.get(kind) as StoreQueue<D, R> | undefined;
  if (!queue) {
    queue = new StoreQueue(db, storeNow);
    ofDb.set(kind, queue);
  }
  return queue;
}
