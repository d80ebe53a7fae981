"use server";
// Admin-only: the role is checked on the server before anything else.
import { z } from "zod";
import { requireAdminPrincipal } from "@/lib/server/auth/request-auth";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { pushEndpointFor } from "@/lib/server/webhooks-admin/push-endpoints";
import { sendTestEvent, type TestEventResult } from "@/lib/server/webhooks-admin/send-test-event";

const providerSchema = z.string().trim().min(1).max(40);

export async function sendTestEventAction(_previous: TestEventResult | null, form: FormData): Promise<TestEventResult> {
  const admin = await requireAdminPrincipal();
  if (!admin) return refusal("Only an admin can send test events. Sign in as an admin.");
  const provider = providerSchema.safeParse(form.get("provider"));
  const endpoint = provider.success ? pushEndpointFor(provider.data) : undefined;
  if (!endpoint) return refusal("Unknown provider.");
  const result = await sendTestEvent(db(), env(), endpoint);
  log.info(
    {
      by: admin.userId,
      provider: endpoint.provider,
      httpStatus: result.httpStatus,
      deliveryStatus: result.deliveryStatus,
    },
    "admin sent a test event",
  );
  return result;
}

function refusal(message: string): TestEventResult {
  return {
    ok: false,
    message,
    httpStatus: null,
    answer: null,
    deliveryStatus: null,
    deliveryError: null,
    deliveryId: null,
  };
}
