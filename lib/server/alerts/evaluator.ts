import "server-only";
// Every instance checks the alert conditions every EVALUATE_EVERY_MS (a handful of indexed
// queries). The Alert rows make each change happen once across instances; the instance whose
// write made it posts it to ALERT_WEBHOOK_URL. The same tick adds this instance's delivery
// tallies to the shared rows (and hourly folds old windows), so the refusal alert sees them.
import type { Settings } from "../../config/settings";
import type { Db } from "../db";
import { log } from "../log";
import { flushTallies, foldOldTallies } from "../metrics/tallies";
import { applyCondition, type Transition } from "./alert-state";
import { checkConditions } from "./conditions";
import { alertText, postAlert } from "./notify";

export const EVALUATE_EVERY_MS = 30_000;
const FOLD_EVERY_MS = 60 * 60_000;

export interface EvaluateOptions {
  now?: Date;
  fetchImpl?: typeof fetch;
}

/** One round: tallies in, every condition checked, each change recorded and (by whoever made it) posted. */
export async function evaluateAlerts(db: Db, settings: Settings, options: EvaluateOptions = {}): Promise<Transition[]> {
  const now = options.now ?? new Date();
  await flushTallies(db);
  const conditions = await checkConditions(db, settings, now);
  const transitions: Transition[] = [];
  for (const condition of conditions) {
    const transition = await applyCondition(db, condition, now);
    if (!transition) continue;
    transitions.push(transition);
    const logged = { alert: transition.key, message: transition.message };
    if (transition.kind === "raised") log.warn(logged, "alert raised");
    else log.info(logged, "alert resolved");
    if (settings.ALERT_WEBHOOK_URL) {
      await postAlert(settings.ALERT_WEBHOOK_URL, alertText(transition, settings.APP_URL), options.fetchImpl);
    }
  }
  return transitions;
}

/** Boot: evaluate now and then every EVALUATE_EVERY_MS; answers the stop (which adds the last tallies). */
export function startAlertEvaluator(db: Db, settings: Settings): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let lastFold = 0;
  const tick = () => {
    running = (async () => {
      try {
        await evaluateAlerts(db, settings);
        if (Date.now() - lastFold >= FOLD_EVERY_MS) {
          lastFold = Date.now();
          await foldOldTallies(db);
        }
      } catch (error) {
        log.warn({ err: error }, "checking alert conditions failed; trying again at the next round");
      }
    })();
  };
  tick();
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, EVALUATE_EVERY_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await flushTallies(db).catch((error: unknown) =>
      log.warn({ err: error }, "adding up the last delivery tallies failed"),
    );
  };
}
