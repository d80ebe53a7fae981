import "server-only";
// One HTTP exchange on node:http(s) with a keep-alive agent. Used instead of fetch because
// draining a backlog makes hundreds of small calls in a row, and fetch's stream machinery
// costs several times more CPU per call than the request itself.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 4 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 4 }),
};

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Rejects with the abort reason when `signal` aborts (timeouts included), or with the socket's error. */
export function exchange(
  url: URL,
  options: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
): Promise<HttpAnswer> {
  const secure = url.protocol === "https:";
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: options.method,
        headers:
          options.body === undefined
            ? options.headers
            : { ...options.headers, "content-length": Buffer.byteLength(options.body) },
        agent: secure ? agents.https : agents.http,
        signal: options.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
        response.on("aborted", () => reject(new Error("the connection closed before the answer was complete")));
      },
    );
    request.on("error", (error) => reject(options.signal.aborted ? (options.signal.reason ?? error) : error));
    request.end(options.body);
  });
}
