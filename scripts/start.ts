// npm start: check settings, apply pending migrations, then serve with `next start`
// (or `next dev` with --dev). Any problem stops here with a message, before a port opens.
import { spawn } from "node:child_process";
import { parseSettings, SettingsError } from "../lib/config/settings";
import { applyMigrations } from "../lib/db/migrations";

const dev = process.argv.includes("--dev");

async function main() {
  // `next start` runs in production mode; check the settings under the same rules it will.
  const environment = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") };
  const settings = parseSettings(environment);
  const applied = await applyMigrations(settings.DATABASE_URL);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

  const child = spawn("npx", ["next", dev ? "dev" : "start", "--port", String(settings.PORT)], {
    stdio: "inherit",
    env: { ...environment, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? settings.APP_URL, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof SettingsError ? error.message : `Start-up failed: ${(error as Error).message}`);
  process.exit(1);
});
