import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrubText, urlForLog } from "./log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")));
      done();
    },
  });
  const logger = createLogger(destination);
  logger.level = "info";
  return { logger, lines, text: () => JSON.stringify(lines) };
}

describe("urlForLog", () => {
  it("drops the query string, fragment and credentials", () => {
    expect(urlForLog("https://hub.example.com/api/webhooks/testlify?token=s3cret")).toBe(
      "https://hub.example.com/api/webhooks/testlify?redacted",
    );
    expect(urlForLog("https://user:pass@api.example.com/v1/x#frag")).toBe("https://api.example.com/v1/x?redacted");
    expect(urlForLog("https://api.example.com/v1/events")).toBe("https://api.example.com/v1/events");
    expect(urlForLog("/r/abc?token=1")).toBe("/r/abc?redacted");
    expect(urlForLog("/jobs")).toBe("/jobs");
  });
});

describe("scrubText", () => {
  it("masks URLs' queries, bearer tokens and webhook secrets inside free text", () => {
    expect(scrubText("Could not reach http://10.0.0.5:4010/v1/poll?key=abc: ECONNREFUSED")).toBe(
      "Could not reach http://10.0.0.5:4010/v1/poll?redacted: ECONNREFUSED",
    );
    expect(scrubText("sent Authorization: Bearer abc.def-ghi")).toBe("sent Authorization: Bearer [redacted]");
    expect(scrubText("secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw= refused")).toBe("secret whsec_[redacted] refused");
  });
});

describe("log", () => {
  it("censors credential fields at the top, one level down and in headers", () => {
    const { logger, text } = capture();
    logger.info(
      {
        password: "hunter2-hunter2",
        token: "tok_top",
        user: { email: "a@example.com", password: "p-nested", apiKey: "key-nested" },
        headers: { authorization: "Bearer hdr", cookie: "next-auth.session-token=abc", "x-api-key": "xk" },
        request: { headers: { authorization: "Bearer deep", "set-cookie": "sid=1" } },
        settings: { AUTH_SECRET: "auth-secret-value", secret: "plain-secret" },
        principal: { kind: "token", tokenId: "tok_row_1" },
      },
      "signing in",
    );
    const out = text();
    for (const secret of [
      "hunter2",
      "tok_top",
      "p-nested",
      "key-nested",
      "hdr",
      "session-token",
      "xk",
      "deep",
      "sid=1",
      "plain-secret",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("a@example.com");
    expect(out).toContain("tok_row_1");
    expect(out).toContain("[redacted]");
  });

  it("strips query strings from URLs in fields, messages and errors", () => {
    const { logger, text, lines } = capture();
    const failure = Object.assign(new Error("GET https://api.example.com/v1/x?signature=abc failed"), {
      url: "https://api.example.com/v1/x?signature=abc",
    });
    logger.warn({ url: "/api/webhooks/testlify?token=tok123", reportUrl: "https://r.example.com/1?sig=zzz" }, "got it");
    logger.error({ err: failure }, "fetch failed for https://api.example.com/v1/x?signature=abc");
    logger.warn({ error: failure }, "poll failed");
    const out = text();
    for (const secret of ["tok123", "sig=zzz", "signature=abc"]) expect(out).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      url: "/api/webhooks/testlify?redacted",
      reportUrl: "https://r.example.com/1?redacted",
    });
    expect(lines[1]).toMatchObject({
      msg: "fetch failed for https://api.example.com/v1/x?redacted",
      err: { type: "Error", message: "GET https://api.example.com/v1/x?redacted failed" },
    });
    expect(lines[2]).toMatchObject({ error: { url: "https://api.example.com/v1/x?redacted" } });
  });
});
