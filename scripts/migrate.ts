// npm run db:migrate: applies pending migrations to DATABASE_URL and exits.
import { parseSettings, SettingsError } from "../lib/config/settings";
import { applyMigrations } from "../lib/db/migrations";

async function main() {
  const settings = parseSettings(process.env);
  const applied = await applyMigrations(settings.DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
}

main().catch((error: unknown) => {
  console.error(error instanceof SettingsError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
