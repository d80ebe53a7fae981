// Ports for the browser tests' servers, chosen once by the Playwright runner as it loads the
// config and handed to its workers through the environment (they load the config again, and
// must agree with the runner on where the servers are).
import { execFileSync } from "node:child_process";
import { z } from "zod";

// The config loads synchronously, so a short child process does the asynchronous part: it
// holds every port open at once (so they differ), prints them, and lets them go.
const PROBE = `
const net = require("node:net");
const count = Number(process.argv[1]);
Promise.all(Array.from({ length: count }, () => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once("error", reject);
  server.listen(0, () => resolve(server));
}))).then((servers) => {
  console.log(servers.map((server) => server.address().port).join(","));
  for (const server of servers) server.close();
});
`;

const portList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be a comma-separated list of port numbers")
  .transform((value) => value.split(",").map(Number))
  .pipe(z.array(z.number().int().min(1).max(65535)));

/** `count` ports free right now: from `variable` when an earlier process chose them, else fresh ones. */
export function sharedFreePorts(variable: string, count: number): number[] {
  if (!process.env[variable]) {
    process.env[variable] = execFileSync(process.execPath, ["-e", PROBE, String(count)], { encoding: "utf8" }).trim();
  }
  const parsed = portList.safeParse(process.env[variable]);
  if (!parsed.success || parsed.data.length !== count) {
    throw new Error(`${variable} must list ${count} port numbers, e.g. "41000,41001" (got "${process.env[variable]}")`);
  }
  return parsed.data;
}
