import "server-only";
// The SmartAI client the settings describe, once they describe a whole one.
import { smartAiApiUrl, smartAiConfigurationProblem, type Settings } from "../../../config/settings";
import { SmartAiClient } from "./client";

/** Throws naming the missing setting (the same words the settings page shows). */
export function smartAiClientFor(settings: Settings): SmartAiClient {
  const apiUrl = smartAiApiUrl(settings);
  const { ASSESSMENT_API_KEY: apiKey, ASSESSMENT_SECRET_KEY: secretKey } = settings;
  if (!apiUrl || !apiKey || !secretKey) {
    throw new Error(smartAiConfigurationProblem(settings) ?? "SmartAI is not configured");
  }
  return new SmartAiClient({ apiUrl, apiKey, secretKey });
}
