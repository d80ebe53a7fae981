/** What "Sync now" or a backfill request tells the admin: queued, or why not. */
export type SyncActionResult = { ok: boolean; message: string };
