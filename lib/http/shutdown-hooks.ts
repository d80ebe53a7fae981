// Work that must end cleanly when the process stops (the SmartAI poller, the applier, …).
// Services started by instrumentation.ts run inside Next's bundle and the HTTP server runs
// outside it, each with its own copy of this module, so the registry lives on globalThis:
// one per process, whichever copy registers or runs it.
export type ShutdownHook = () => Promise<void> | void;

interface Registry {
  hooks: Map<string, ShutdownHook>;
  running: Promise<ShutdownReport> | null;
}

export interface ShutdownReport {
  stopped: string[];
  failed: { name: string; error: unknown }[];
}

const holder = globalThis as typeof globalThis & { __assessmentHubShutdownHooks?: Registry };

function registry(): Registry {
  holder.__assessmentHubShutdownHooks ??= { hooks: new Map(), running: null };
  return holder.__assessmentHubShutdownHooks;
}

/** Registers (or, under the same name, replaces) a hook; returns a function that removes it. */
export function registerShutdownHook(name: string, hook: ShutdownHook): () => void {
  const { hooks } = registry();
  hooks.set(name, hook);
  return () => {
    if (hooks.get(name) === hook) hooks.delete(name);
  };
}

export function shutdownHookNames(): string[] {
  return [...registry().hooks.keys()];
}

/**
 * Runs every hook at once (they are independent: the poller and the applier do not wait on
 * each other), each bounded by `timeoutMs`. One that fails or overruns is reported, and the
 * rest still run. A second call while running returns the same report.
 */
export function runShutdownHooks(timeoutMs: number): Promise<ShutdownReport> {
  const state = registry();
  state.running ??= (async () => {
    const entries = [...state.hooks.entries()];
    state.hooks.clear();
    const outcomes = await Promise.allSettled(entries.map(([name, hook]) => withTimeout(name, hook, timeoutMs)));
    const report: ShutdownReport = { stopped: [], failed: [] };
    outcomes.forEach((outcome, index) => {
      const name = entries[index]![0];
      if (outcome.status === "fulfilled") report.stopped.push(name);
      else report.failed.push({ name, error: outcome.reason });
    });
    state.running = null;
    return report;
  })();
  return state.running;
}

async function withTimeout(name: string, hook: ShutdownHook, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not stop within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([Promise.resolve().then(hook), overrun]);
  } finally {
    clearTimeout(timer);
  }
}
