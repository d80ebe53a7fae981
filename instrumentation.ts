// Runs once when the server process starts (next start / next dev), never during next build.
// Background work is started without awaiting it, so boot never waits on a provider.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("./lib/server/boot");
  await boot();
}
