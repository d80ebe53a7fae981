"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { formInput } from "@/lib/server/actions/form-input";
import { adminActionClient } from "@/lib/server/actions/safe-action";
import { recordAudit, userActor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { UserFacingError } from "@/lib/server/errors";
import { erasePerson } from "@/lib/server/privacy/erase-person";
import { howToAskProvider, providerLabel } from "@/lib/server/privacy/provider-contacts";
import { liftSuppression } from "@/lib/server/privacy/suppression";

const personSchema = z
  .object({
    email: z.union([z.literal(""), z.email({ message: "Enter the person's email address." }).max(320)]).optional(),
    candidateId: z.string().trim().max(64).optional(),
    confirm: z.literal("erase", { message: "Tick the box to confirm: an erasure cannot be undone." }),
  })
  .refine((input) => Boolean(input.email) || Boolean(input.candidateId), {
    message: "Enter the person's email address.",
    path: ["email"],
  });

/** Erases a person by email (settings) or by candidate id (the candidate page's link). */
export const erasePersonAction = adminActionClient
  .metadata({ actionName: "erasePerson" })
  .inputSchema(formInput(personSchema))
  .stateAction(async ({ parsedInput: { email, candidateId }, ctx: { user } }) => {
    const who = email ? { email } : { candidateId: candidateId! };
    const result = await erasePerson(db(), who, userActor(user));
    refresh();
    if (!result.erased) {
      return {
        message: email
          ? "Nothing about this person was held. Later deliveries about them will be withheld."
          : "Nothing is held about this candidate any more.",
        erasure: null,
      };
    }
    const providers = result.providers.map((holding) => ({
      ...holding,
      label: providerLabel(holding.provider),
      howToAsk: howToAskProvider(holding.provider),
    }));
    return {
      message: "Erased. Ask the providers below to delete what they still hold.",
      erasure: { counts: result.counts, providers },
    };
  });

export const liftErasureAction = adminActionClient
  .metadata({ actionName: "liftErasure" })
  .inputSchema(formInput(z.object({ email: z.email({ message: "Enter the person's email address." }).max(320) })))
  .stateAction(async ({ parsedInput: { email }, ctx: { user } }) => {
    if (!(await liftSuppression(db(), email))) throw new UserFacingError("No erasure is held for that email address.");
    await recordAudit(db(), { actor: userActor(user), action: "erasure.lifted" });
    refresh();
    return { message: "Erasure lifted: the next delivery about this person will be applied." };
  });
