// npm start: check settings, apply pending migrations, then serve the app in this process
// (`npm run dev`: with --dev, Next in development mode). Any problem stops here with a
// message, before a port opens. SIGTERM/SIGINT stop it gracefully (lib/http/server.ts).
import { parseSettings, SettingsError } from "../lib/config/settings";
import { applyMigrations } from "../lib/db/migrations";
import { startAppServer } from "../lib/http/server";

const dev = process.argv.includes("--dev");

async function main() {
  // Next reads these from the process's environment, so they are set before it loads.
  const environment = process.env as Record<string, string | undefined>;
  environment.NODE_ENV ??= dev ? "development" : "production";
  const settings = parseSettings(environment);
  environment.NEXTAUTH_URL ??= settings.APP_URL;
  environment.NEXT_TELEMETRY_DISABLED = "1";

  const applied = await applyMigrations(settings.DATABASE_URL);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

  const server = await startAppServer({
    dev,
    dir: process.cwd(),
    port: settings.PORT,
    trustedProxyHops: settings.TRUSTED_PROXY_HOPS,
  });
  console.log(`Assessment Hub listening on port ${server.port} (${dev ? "development" : "production"})`);
  void server.directRoutes.then((routes) =>
    console.log(`Answered by this server without Next's request handling: ${routes.join(", ")}`),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal while draining means "now".
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping background work`);
    server.close().then(
      (report) => {
        for (const { name, error } of report.failed) console.error(`shutdown: ${name}: ${(error as Error).message}`);
        if (report.stopped.length > 0) console.log(`Stopped: ${report.stopped.join(", ")}`);
        process.exit(report.failed.length > 0 ? 1 : 0);
      },
      (error: unknown) => {
        console.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SettingsError ? error.message : `Start-up failed: ${(error as Error).message}`);
  process.exit(1);
});
