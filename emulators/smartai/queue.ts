// SmartAI's event queue: events stay until acknowledged and come back, oldest first, on
// every fetch. There is no lease — two pollers fetching at once see the same events.

export interface QueuedEventBody {
  eventId: string;
  storedAt: string;
  [field: string]: unknown;
}

interface Entry {
  id: string;
  storedAtMs: number;
  event: QueuedEventBody;
}

export class EventQueue {
  private entries: Entry[] = [];
  private readonly live = new Map<string, Entry>();
  private removedSinceCompaction = 0;

  get size(): number {
    return this.live.size;
  }

  /** Adds events at the back of the queue. Events keep their own storedAt. */
  enqueue(...events: QueuedEventBody[]): void {
    for (const event of events) {
      if (this.live.has(event.eventId)) continue;
      const entry = { id: event.eventId, storedAtMs: Date.parse(event.storedAt), event };
      this.entries.push(entry);
      this.live.set(entry.id, entry);
    }
  }

  /** Up to `limit` events, oldest first, stored after `since` (ms) when given. */
  fetch(limit: number, since?: number): { events: QueuedEventBody[]; pendingCount: number } {
    const events: QueuedEventBody[] = [];
    let matching = 0;
    for (const entry of this.entries) {
      if (this.live.get(entry.id) !== entry) continue;
      if (since !== undefined && !(entry.storedAtMs > since)) continue;
      matching += 1;
      if (events.length < limit) events.push(entry.event);
      else if (since === undefined) break;
    }
    const pendingCount = since === undefined ? this.live.size - events.length : matching - events.length;
    return { events, pendingCount };
  }

  /** Removes the events; answers how many were queued (unknown or already removed ids do not count). */
  acknowledge(eventIds: string[]): number {
    let removed = 0;
    for (const id of new Set(eventIds)) {
      if (this.live.delete(id)) removed += 1;
    }
    this.removedSinceCompaction += removed;
    if (this.removedSinceCompaction > 1_000 && this.removedSinceCompaction > this.live.size) {
      this.entries = this.entries.filter((entry) => this.live.get(entry.id) === entry);
      this.removedSinceCompaction = 0;
    }
    return removed;
  }

  clear(): void {
    this.entries = [];
    this.live.clear();
    this.removedSinceCompaction = 0;
  }
}
