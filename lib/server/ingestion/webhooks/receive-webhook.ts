import "server-only";
// POST /api/webhooks/<provider>: the registry says whether that provider pushes and how its
// endpoint authenticates; its secret comes from the settings.
import type { Settings } from "../../../config/settings";
import type { Db } from "../../db";
import { withSecret } from "../../providers/descriptor";
import { pushEndpointFor } from "../../providers/registry";
import { handleWebhook } from "./handle-webhook";
import { traceWebhookDelivery } from "../../../observability/operations";
import { countDeliveries } from "../../metrics/tallies";

export async function receiveWebhook(
  request: Request,
  provider: string,
  settings: Settings,
  db: Db,
  schedule?: (task: () => Promise<unknown>) => void,
): Promise<Response> {
  const endpoint = pushEndpointFor(provider);
  if (!endpoint) {
    return Response.json(
      { error: `no webhook endpoint for "${provider.slice(0, 60)}": providers post to /api/webhooks/<provider id>` },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  const response = await traceWebhookDelivery(provider, () =>
    handleWebhook(request, withSecret(endpoint, settings[endpoint.secretSetting]), db, schedule),
  );
  // Refusals leave no Delivery row: counted for /api/metrics and the "only refusals" alert.
  if (response.status === 401) countDeliveries(endpoint.provider, "refused");
  return response;
}
