import { rmSync } from "node:fs";
import { E2E } from "./settings";

// The data folder is made fresh when the config loads (see settings.ts): Playwright starts
// the web server before this runs, so removing it here would pull the database from under
// the server. What this does is clear the folder away once the run is over.
export default function globalSetup() {
  return () => rmSync(E2E.dataDir, { recursive: true, force: true });
}
