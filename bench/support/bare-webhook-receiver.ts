// The webhook bench's baseline, run as its own process: what any webhook receiver must do at
// least — check the signature, parse the body, store it durably — with nothing else.
//   node --import tsx bench/support/bare-webhook-receiver.ts <sqlite file> <testlify secret> <engine secret>
import http from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { Webhook } from "standardwebhooks";

/** The baseline: what any webhook receiver must do at least — check the signature, parse, store durably. */
function bareReceiver(file: string, secrets: { testlify: string; engine: string }) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec(
    `CREATE TABLE delivery (id INTEGER PRIMARY KEY, provider TEXT NOT NULL, external_id TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL, UNIQUE (provider, external_id))`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO delivery (provider, external_id, body, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const verifiers = { testlify: new Webhook(secrets.testlify), engine: new Webhook(secrets.engine) };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const provider = request.url?.startsWith("/api/webhooks/testlify") ? "testlify" : "engine";
      const names = request.headers["svix-id"] ? "svix" : "webhook";
      const id = String(request.headers[`${names}-id`] ?? "");
      try {
        verifiers[provider].verify(body, {
          "webhook-id": id,
          "webhook-timestamp": String(request.headers[`${names}-timestamp`] ?? ""),
          "webhook-signature": String(request.headers[`${names}-signature`] ?? ""),
        });
        JSON.parse(body);
      } catch {
        response.writeHead(401).end();
        return;
      }
      const stored = insert.run(provider, id, body, new Date().toISOString()).changes === 1;
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: stored ? "accepted" : "duplicate" }));
    });
  });
  server.listen(0, "127.0.0.1", () => console.log(`listening on ${(server.address() as AddressInfo).port}`));
}

const [file, testlify, engine] = process.argv.slice(2);
if (!file || !testlify || !engine) {
  console.error("usage: bare-webhook-receiver.ts <sqlite file> <testlify secret> <engine secret>");
  process.exit(2);
}
bareReceiver(file, { testlify, engine });
