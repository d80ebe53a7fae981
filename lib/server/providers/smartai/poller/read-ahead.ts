import "server-only";
// SmartAI's queue, read ahead of the store. A backlog drains fastest when storing never waits
// for the network: while one batch is stored, the pages after it are fetched, each with `since`
// = the newest storedAt in hand (the queue is oldest first, so that is the page after it), until
// a bound of events is waiting. The store then takes everything waiting at once, so its batches
// grow with the backlog (fewer, larger transactions) and shrink to a page when it is quiet.
// Nothing fetched here is acknowledged here: what a crash leaves unstored comes back.
import type { QueuedEvent } from "../queued-event";
import type { WebhookEventsPage } from "../client";

export interface FetchedPage {
  /** Every event of the page (the fetched count). */
  events: QueuedEvent[];
  /** The events inside the backfill window (all of them outside a backfill). */
  inWindow: QueuedEvent[];
  pendingCount: number;
  /** Fetched with a read-ahead `since` (not a plain call). */
  readAhead: boolean;
  /** An event past the window's end: it and the rest stay queued, and the drain ends with this page. */
  reachedWindowEnd: boolean;
  /** Where the page after this one starts, or null when nothing may be read ahead from it. */
  cursor: number | null;
}

export interface ReadAheadOptions {
  fetchPage: (since: number | undefined) => Promise<WebhookEventsPage>;
  /** Backfill window: events after `windowStart` up to `until` (ms). */
  windowStart?: number;
  until?: number;
  /** Events waiting to be stored beyond which no further page is fetched until some are taken. */
  maxWaiting: number;
}

export class ReadAhead {
  private readonly waiting: FetchedPage[] = [];
  private waitingEvents = 0;
  private fetching = false;
  private failure: { error: unknown } | null = null;
  /** The next read-ahead `since`, held while the bound is reached. */
  private pausedAt: number | null = null;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(private readonly options: ReadAheadOptions) {}

  /** A plain call (from the window's start): the first page, or again after the read-ahead ran dry. */
  fetchPlain(): void {
    if (this.fetching || this.pausedAt !== null) throw new Error("a read-ahead is still running");
    this.fetch(this.options.windowStart, false);
  }

  /**
   * The pages waiting, oldest first — at least one, as many as fit in `maxEvents` (a first page
   * always fits). Throws the fetch's error once nothing fetched before it is left.
   */
  async take(maxEvents: number): Promise<FetchedPage[]> {
    while (this.waiting.length === 0) {
      if (this.failure) throw this.failure.error;
      if (!this.fetching) throw new Error("nothing is being fetched");
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const taken: FetchedPage[] = [];
    let events = 0;
    while (this.waiting.length > 0 && (taken.length === 0 || events + this.waiting[0]!.events.length <= maxEvents)) {
      const page = this.waiting.shift()!;
      events += page.events.length;
      taken.push(page);
    }
    this.waitingEvents -= events;
    if (this.pausedAt !== null && this.waitingEvents < this.options.maxWaiting) {
      const since = this.pausedAt;
      this.pausedAt = null;
      this.fetch(since, true);
    }
    return taken;
  }

  /** No further page is fetched; a call in flight is let go (what it brings stays queued at SmartAI). */
  close(): void {
    this.closed = true;
    this.pausedAt = null;
  }

  private fetch(since: number | undefined, readAhead: boolean): void {
    this.fetching = true;
    this.options.fetchPage(since).then(
      (answer) => {
        this.fetching = false;
        if (this.closed) return;
        const page = this.describe(answer, readAhead);
        this.waiting.push(page);
        this.waitingEvents += page.events.length;
        if (page.cursor !== null) {
          const next = Math.max(page.cursor, this.options.windowStart ?? page.cursor);
          if (this.waitingEvents < this.options.maxWaiting) this.fetch(next, true);
          else this.pausedAt = next;
        }
        this.notify();
      },
      (error: unknown) => {
        this.fetching = false;
        this.failure = { error };
        this.notify();
      },
    );
  }

  private notify() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private describe({ events, pendingCount }: WebhookEventsPage, readAhead: boolean): FetchedPage {
    const { until } = this.options;
    // Events are oldest first: the first one past the window ends a backfill, and stays queued.
    const inWindow =
      until === undefined ? events : events.filter((event) => !event.storedAt || event.storedAt.getTime() <= until);
    const reachedWindowEnd = inWindow.length < events.length;
    const cursor = events.length === 0 || reachedWindowEnd || pendingCount === 0 ? null : newestStoredAt(inWindow);
    return { events, inWindow, pendingCount, readAhead, reachedWindowEnd, cursor };
  }
}

/** The newest storedAt of the page, or null when an event lacks one (then no read-ahead). */
function newestStoredAt(events: QueuedEvent[]): number | null {
  let newest = -Infinity;
  for (const event of events) {
    if (!event.storedAt) return null;
    newest = Math.max(newest, event.storedAt.getTime());
  }
  return newest;
}
