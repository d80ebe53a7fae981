import "server-only";
// Alerts also go to ALERT_WEBHOOK_URL when it is set, as a Slack-compatible {"text": …} body
// (Slack, Mattermost, Teams and most chat tools' incoming webhooks take it). A post that fails
// is logged, not retried: the banner still shows the alert.
import { log, urlForLog } from "../log";
import type { Transition } from "./alert-state";

const POST_TIMEOUT_MS = 5_000;

export function alertText(transition: Transition, appUrl: string): string {
  return transition.kind === "raised"
    ? `:rotating_light: Assessment Hub alert: ${transition.message} (${appUrl})`
    : `:white_check_mark: Resolved: ${transition.message} (${appUrl})`;
}

export async function postAlert(url: string, text: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    if (response.ok) return true;
    log.warn({ url: urlForLog(url), status: response.status }, "alert webhook answered with an error");
  } catch (error) {
    log.warn({ url: urlForLog(url), err: error }, "alert webhook could not be reached");
  }
  return false;
}
