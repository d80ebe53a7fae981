"use server";

import { refresh } from "next/cache";
import { formInput } from "@/lib/server/actions/form-input";
import { userActionClient } from "@/lib/server/actions/safe-action";
import { db } from "@/lib/server/db";
import { setOwnTimeZone, timeZoneChangeSchema } from "@/lib/server/users/time-zone";

export const changeTimeZoneAction = userActionClient
  .metadata({ actionName: "changeOwnTimeZone" })
  .inputSchema(formInput(timeZoneChangeSchema))
  .stateAction(async ({ parsedInput, ctx: { user } }) => {
    await setOwnTimeZone(db(), user.id, parsedInput);
    // The layout hands the zone to client components: it must render again, not just this page.
    refresh();
    return { message: `Times are now shown in ${parsedInput.timeZone}.` };
  });
