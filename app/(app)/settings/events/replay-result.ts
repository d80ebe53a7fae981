import type { ReplayResult } from "@/lib/server/event-log/replay";

/** What a replay tells the admin: a summary, and what became of each delivery. */
export type ReplayActionResult = { ok: boolean; message: string; outcomes?: ReplayResult["outcomes"] };
