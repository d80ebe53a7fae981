import "server-only";
import { z } from "zod";
import type { Db } from "../db";
import { timeZoneSchema } from "../../shared/date-time";

export const timeZoneChangeSchema = z.object({ timeZone: timeZoneSchema });

/** A person's own choice of zone: from now on every page shows their times in it. */
export async function setOwnTimeZone(db: Db, userId: string, input: z.infer<typeof timeZoneChangeSchema>) {
  await db.user.update({ where: { id: userId }, data: { timeZone: input.timeZone } });
}
