// Provider sample payloads delivered the way the app receives them: stored in the inbox, then
// claimed, translated by the provider's real adapter and applied. Tests build variations of the
// samples (another email, a later time) and hand them in as bodies.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { storeDeliveries } from "@/lib/server/ingestion/inbox";
import { claimAndApply } from "@/lib/server/ingestion/process-delivery";
import type { ProviderId } from "@/lib/shared/vocabulary";

export interface FixtureDelivery {
  body: unknown;
  /** The header-borne event name, for providers that send it there (the engine, video status reads). */
  eventType?: string | null;
}

/** Stores each delivery (one at a time, in the order given) and applies it before the next. */
export async function deliver(db: Db, provider: ProviderId, deliveries: FixtureDelivery[]): Promise<void> {
  for (const delivery of deliveries) {
    const stored = await storeDeliveries(db, provider, [
      {
        externalId: `test-${randomBytes(8).toString("hex")}`,
        source: "webhook",
        eventType: delivery.eventType ?? null,
        body: JSON.stringify(delivery.body),
      },
    ]);
    const ids = stored.created.map((row) => row.id);
    const { outcomes } = await claimAndApply(db, { ids, limit: ids.length });
    for (const id of ids) {
      const outcome = outcomes.get(id);
      if (outcome !== "processed") {
        const row = await db.delivery.findUnique({ where: { id }, select: { status: true, error: true } });
        throw new Error(`delivery ${id} was ${outcome ?? "not claimed"}: ${row?.error ?? row?.status ?? "gone"}`);
      }
    }
  }
}

/** Stores SmartAI queue events as the poller leaves what it could not apply: pending, for the applier. */
export async function storePolledPending(db: Db, events: { eventId?: unknown; event?: unknown }[]): Promise<void> {
  await storeDeliveries(
    db,
    "smartai",
    events.map((event) => ({
      externalId: String(event.eventId),
      source: "poll",
      eventType: String(event.event),
      body: JSON.stringify(event),
    })),
  );
}

/** A copy of a sample with some of its `data` fields replaced. */
export function withData<T extends { data: Record<string, unknown> }>(body: T, data: Record<string, unknown>): T {
  return { ...body, data: { ...body.data, ...data } };
}
