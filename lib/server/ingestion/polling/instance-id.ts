import "server-only";
// Who this app instance is, in the lease and in sync runs: host and process, plus a random
// part so a restarted process with a recycled pid is a different instance.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

const holder = globalThis as typeof globalThis & { __assessmentHubInstanceId?: string };

export function pollerInstanceId(): string {
  holder.__assessmentHubInstanceId ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  return holder.__assessmentHubInstanceId;
}
