import "server-only";
// Applies provider-neutral domain events to the internal model, inside the caller's
// transaction: the same set-based apply the inbox's deliveries go through (apply/), for events
// that come from outside the inbox (the video provider's own calls, seeds).
import type { Tx } from "../db";
import type { DomainEvent } from "../domain/events";
import type { ProviderId } from "../../shared/vocabulary";
import { applyBatch, type ApplyOutcome } from "./apply/apply-batch";
import { prismaRunner } from "./apply/runner";

export type { ApplyOutcome } from "./apply/apply-batch";

export interface ApplyContext {
  tx: Tx;
  provider: ProviderId;
  /** The stored delivery the events come from; null for events from outside the inbox. */
  deliveryId: string | null;
}

export async function applyEvents(context: ApplyContext, events: DomainEvent[]): Promise<ApplyOutcome> {
  const now = new Date();
  const [outcome] = await applyBatch(
    prismaRunner(context.tx),
    [{ id: context.deliveryId, provider: context.provider, receivedAt: now, events }],
    now,
  );
  return outcome!;
}
