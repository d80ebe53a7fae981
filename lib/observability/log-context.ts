// What every log line of a request or a delivery carries: its request id, or the delivery (or
// batch, or poll run) it belongs to. Kept in AsyncLocalStorage, so code deep inside a request
// needs no logger handed down: lib/server/log.ts adds the current context to each line.
// Plain Node (no server-only): the app's HTTP server sets it outside Next's bundle, and the
// bundle's copy of this module must find the same storage, so it lives on globalThis.
import { AsyncLocalStorage } from "node:async_hooks";

export interface LogContext {
  requestId?: string;
  deliveryId?: string;
  /** An applier batch (its claim token): the deliveries it holds are logged by id where they matter. */
  batchId?: string;
  /** A SmartAI poll cycle or backfill (its SyncRun id). */
  syncRunId?: string;
}

const holder = globalThis as typeof globalThis & { __assessmentHubLogContext?: AsyncLocalStorage<LogContext> };

function storage(): AsyncLocalStorage<LogContext> {
  holder.__assessmentHubLogContext ??= new AsyncLocalStorage<LogContext>();
  return holder.__assessmentHubLogContext;
}

/** The context of the code running now, or undefined outside any request or delivery. */
export function currentLogContext(): LogContext | undefined {
  return storage().getStore();
}

/** Runs `work` with these fields added to the current context (a delivery inside a request keeps both ids). */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage().run({ ...storage().getStore(), ...fields }, work);
}

/**
 * Runs `work` outside any context: for long-lived loops a request merely happens to wake (the
 * applier), which must not carry that request's id into everything they do later.
 */
export function withoutLogContext<T>(work: () => T): T {
  return storage().exit(work);
}
