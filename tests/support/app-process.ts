// The app as an operator runs it: `node --import tsx scripts/start.ts` (npm start / npm run dev)
// in its own process, on a free port, with its output kept for assertions.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Production against a build in APP_SERVER_TEST_DIST_DIR when that folder holds one (build it
 * with `NEXT_DIST_DIR=<dir> npx next build`), otherwise development mode, which needs no
 * build: both run the same server module; only Next's handler differs.
 */
export function appServerMode(): { dev: boolean; distDir: string } {
  const built = process.env.APP_SERVER_TEST_DIST_DIR;
  if (built && existsSync(join(process.cwd(), built, "BUILD_ID"))) return { dev: false, distDir: built };
  return { dev: true, distDir: ".next-server-test" };
}

/** Starts the app; resolves once it says it is listening (no request is sent). */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const { dev, distDir } = appServerMode();
  const port = await freePort();
  // As package.json's scripts run it, without npx or npm in between, so a signal reaches the app
  // as it would from a process manager.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...(dev ? ["--dev"] : [])], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "s".repeat(40),
      LOG_LEVEL: "warn",
      PORT: String(port),
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a SIGKILL reaches whatever it may have started.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/listening on port/.test(output)) resolve();
    };
    child.stdout?.on("data", check);
    void exited.then((code) => reject(new Error(`the app exited (${code}) before listening:\n${output}`)));
  });

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.pid) {
        // SIGTERM as a process manager sends it, to the app itself; SIGKILL to the whole group.
        if (signal === "SIGKILL") process.kill(-child.pid, signal);
        else child.kill(signal);
      }
      return exited;
    },
  };
}
