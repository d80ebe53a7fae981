// /_emulator/*: how tests, the demo and the benchmark drive an emulator in another process.
//   POST   /_emulator/events  {"count": 20000} or {"events": [...]}   queue generated or given events
//   POST   /_emulator/faults  {"fault": {...}, "times": 2, "target": "events"} or {"randomRate": 0.05}
//   DELETE /_emulator/faults
//   GET    /_emulator/stats
import type { Fault, FaultTarget } from "./faults";
import type { QueuedEventBody } from "./queue";
import type { SmartAiEmulator } from "./server";

export function handleControl(
  emulator: SmartAiEmulator,
  method: string,
  url: URL,
  body: string,
): { status: number; body: unknown } {
  let input: Record<string, unknown> = {};
  if (body) {
    try {
      input = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { error: "body is not JSON" } };
    }
  }
  const route = `${method} ${url.pathname}`;
  switch (route) {
    case "POST /_emulator/events":
      if (Array.isArray(input.events)) emulator.enqueue(...(input.events as QueuedEventBody[]));
      else emulator.preload(Math.max(0, Math.floor(Number(input.count ?? 0))));
      return { status: 200, body: { queued: emulator.queue.size } };
    case "POST /_emulator/faults":
      if (typeof input.randomRate === "number") emulator.faults.randomRate = input.randomRate;
      if (input.fault) {
        emulator.faults.inject(input.fault as Fault, {
          times: typeof input.times === "number" ? input.times : 1,
          target: (input.target as FaultTarget | undefined) ?? "any",
        });
      }
      return { status: 200, body: { ok: true } };
    case "DELETE /_emulator/faults":
      emulator.faults.clear();
      return { status: 200, body: { ok: true } };
    case "GET /_emulator/stats":
      return {
        status: 200,
        body: {
          queued: emulator.queue.size,
          requests: emulator.requests.length,
          waitingCandidates: emulator.traffic.waitingCount,
        },
      };
    default:
      return { status: 404, body: { error: `no control route ${route}` } };
  }
}
