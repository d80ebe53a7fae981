import "server-only";
import { SettingsError } from "../config/settings";
import { db } from "./db";
import { env } from "./env";
import { startApplier, stopApplier } from "./ingestion/applier";
import { startSmartAiPoller } from "./providers/smartai/poller/start";
import { log } from "./log";
import { startAlertEvaluator } from "./alerts/evaluator";
import { onShutdown } from "./lifecycle";
import { startRetentionPurge } from "./retention/purge-schedule";
import { ensureEnvironmentApiTokens, ensureFirstAdmin } from "./users/bootstrap";

const holder = globalThis as typeof globalThis & { __assessmentHubBooted?: boolean };

/** Server start: check settings (a bad value stops the process), seed, start background work. */
export async function boot(): Promise<void> {
  if (holder.__assessmentHubBooted) return;
  holder.__assessmentHubBooted = true;

  let settings;
  try {
    settings = env();
  } catch (error) {
    console.error(error instanceof SettingsError ? error.message : error);
    process.exit(1);
  }

  void (async () => {
    const admin = await ensureFirstAdmin(db(), settings);
    if (admin === "created") log.info({ email: settings.ADMIN_EMAIL }, "created the first admin from ADMIN_EMAIL");
    if (admin === "not-configured")
      log.warn("no users yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin");
    await ensureEnvironmentApiTokens(db(), settings);
  })().catch((error: unknown) => log.error({ err: error }, "boot: seeding users failed"));

  // Never awaited: boot does not wait on SmartAI. Off (and saying why) when not configured.
  void startSmartAiPoller(settings, db()).catch((error: unknown) =>
    log.error({ err: error }, "boot: starting the SmartAI poller failed"),
  );

  // Stored deliveries are applied as soon as they are stored, on every instance at once (claims
  // that lapse). A graceful stop finishes the batch in hand and leaves no claim behind.
  startApplier(db());
  onShutdown("applier", () => stopApplier(db()));

  // Alert conditions, checked on every instance; each change is announced once (Alert rows).
  onShutdown("alert-evaluator", startAlertEvaluator(db(), settings));

  // Daily, on whichever instance holds its lease; stopped by its onShutdown hook.
  startRetentionPurge(settings, db());
}
