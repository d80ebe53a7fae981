// The app as an operator runs it: one production build per bench run (`npm run build` into a
// dist folder of its own), served by `npm start` — whatever `npm start` is today — on a free
// loopback port. bench/run.ts builds once and passes BENCH_DIST_DIR to every bench; a bench
// run on its own builds for itself. BENCH_CPU_PROF=<dir> runs the app as `npm start` does but
// with --cpu-prof, writing a profile of its main thread into <dir> when it stops.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort, sleep, spawnGroup, stopGroup } from "./processes";

export const BENCH_DIST_DIR = ".next-bench";

export const BENCH_SECRETS = {
  testlify: `whsec_${Buffer.from("bench testlify webhook secret!!").toString("base64")}`,
  engine: `whsec_${Buffer.from("bench engine webhook secret!!!!").toString("base64")}`,
  authSecret: "bench-auth-secret-that-is-long-enough-0123456789",
  /** Registered by the app at start as a read-API token (the API_TOKEN setting). */
  apiToken: "bench-read-api-token-0123456789abcdef",
};

/** Builds the app unless this bench run already did; returns the dist folder to serve. */
export function ensureBuild(): string {
  const given = process.env.BENCH_DIST_DIR;
  if (given && existsSync(given)) return given;
  buildApp(BENCH_DIST_DIR);
  return BENCH_DIST_DIR;
}

export function buildApp(distDir: string): void {
  console.log(`building the app (npm run build) into ${distDir}…`);
  const started = performance.now();
  const build = spawnSync("npm", ["run", "build"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    // Next prints type errors on stdout: show the end of it, where they are.
    console.error(build.stdout.toString().split("\n").slice(-40).join("\n"));
    throw new Error(`npm run build failed (exit ${build.status})`);
  }
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface RunningApp {
  url: string;
  port: number;
  child: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface AppOptions {
  distDir: string;
  databaseUrl: string;
  /** Settings beyond the bench's defaults (SmartAI credentials, admin login, …). */
  env?: Record<string, string>;
  port?: number;
  /** Label for this instance in error messages. */
  name?: string;
  startTimeoutMs?: number;
}

/** `npm start` against the given database; resolves once /api/health answers 200. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const profileDir = process.env.BENCH_CPU_PROF;
  const [command, args] = profileDir
    ? ["node", ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", "scripts/start.ts"]]
    : ["npm", ["start"]];
  const child = spawnGroup(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: BENCH_SECRETS.authSecret,
      API_TOKEN: BENCH_SECRETS.apiToken,
      TESTLIFY_WEBHOOK_SECRET: BENCH_SECRETS.testlify,
      AE_WEBHOOK_SECRET: BENCH_SECRETS.engine,
      POLLER_ENABLED: "0",
      LOG_LEVEL: "error",
      ...options.env,
    },
  });
  const app: RunningApp = { url, port, child, stop: (signal) => stopGroup(child, signal) };
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${options.name ?? "the app"} exited (${child.exitCode}) before it answered`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return app;
    await sleep(200);
  }
  await app.stop();
  throw new Error(
    `${options.name ?? "the app"} did not answer /api/health within ${(options.startTimeoutMs ?? 120_000) / 1000} s`,
  );
}
