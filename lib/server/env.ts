import "server-only";
import { parseSettings, type Settings } from "../config/settings";

// Parsed on first use and then kept: instrumentation.ts touches it at boot so a bad value
// stops the server before it serves a request.
let cached: Settings | undefined;

export function env(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}
