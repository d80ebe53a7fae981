import "server-only";
// POST /api/webhooks/<provider>: the registry says whether that provider pushes and how its
// endpoint authenticates; its secret comes from the settings.
import { after } from "next/server";
import type { Settings } from "../../../config/settings";
import type { Db } from "../../db";
import { withSecret } from "../../providers/descriptor";
import { pushEndpointFor } from "../../providers/registry";
import {
  answerWebhook,
  webhookFromRequest,
  webhookResponse,
  type AfterAnswer,
  type IncomingWebhook,
  type WebhookAnswer,
} from "./handle-webhook";
import { traceWebhookDelivery } from "../../../observability/operations";
import { countDeliveries } from "../../metrics/tallies";

/** Next's route handler (app/api/webhooks/[provider]/route.ts). */
export async function receiveWebhook(
  request: Request,
  provider: string,
  settings: Settings,
  db: Db,
  schedule: AfterAnswer = after,
): Promise<Response> {
  return webhookResponse(await answerWebhookFor(webhookFromRequest(request), provider, settings, db, schedule));
}

/** The endpoint named by the path's last segment, whichever server received the delivery. */
export async function answerWebhookFor(
  request: IncomingWebhook,
  provider: string,
  settings: Settings,
  db: Db,
  schedule: AfterAnswer,
): Promise<WebhookAnswer> {
  const endpoint = pushEndpointFor(provider);
  if (!endpoint) {
    return {
      status: 404,
      body: {
        error: `no webhook endpoint for "${provider.slice(0, 60)}": providers post to /api/webhooks/<provider id>`,
      },
    };
  }
  const answer = await traceWebhookDelivery(provider, () =>
    answerWebhook(request, withSecret(endpoint, settings[endpoint.secretSetting]), db, schedule),
  );
  // Refusals leave no Delivery row: counted for /api/metrics and the "only refusals" alert.
  if (answer.status === 401) countDeliveries(endpoint.provider, "refused");
  return answer;
}
