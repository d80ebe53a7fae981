import "server-only";
import { resolveTimeZone } from "../../shared/date-time";
import { getCurrentUser } from "./session";

/** The zone server components write times in: the signed-in user's, or UTC (named) when unknown. */
export async function viewerTimeZone(): Promise<string> {
  return resolveTimeZone((await getCurrentUser())?.timeZone);
}
