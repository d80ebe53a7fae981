import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../server/log";
import { currentLogContext, withLogContext } from "./log-context";
import { runDetached } from "./operations";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(destination);
  logger.level = "info";
  return { logger, lines };
}

describe("log lines inside a request or a delivery", () => {
  it("carry the request id, across awaits and timers, and nothing outside", async () => {
    const { logger, lines } = capture();
    logger.info("before");
    await withLogContext({ requestId: "req-0001-abcd" }, async () => {
      logger.info("at once");
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn({ provider: "testlify" }, "after a timer");
    });
    logger.info("after");
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["before", undefined],
      ["at once", "req-0001-abcd"],
      ["after a timer", "req-0001-abcd"],
      ["after", undefined],
    ]);
    expect(lines[2]).toMatchObject({ provider: "testlify" });
  });

  it("keep the request id when a delivery is handled inside the request, and each concurrent request keeps its own", async () => {
    const { logger, lines } = capture();
    await Promise.all(
      ["req-aaaa-0001", "req-bbbb-0002"].map((requestId, index) =>
        withLogContext({ requestId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, 2 - index));
          withLogContext({ deliveryId: `delivery-${index}` }, () => logger.info("stored"));
          logger.info("answered");
        }),
      ),
    );
    expect(lines.map((line) => ({ ...line, time: undefined, level: undefined }))).toEqual(
      expect.arrayContaining([
        { msg: "stored", requestId: "req-aaaa-0001", deliveryId: "delivery-0" },
        { msg: "stored", requestId: "req-bbbb-0002", deliveryId: "delivery-1" },
        { msg: "answered", requestId: "req-aaaa-0001" },
        { msg: "answered", requestId: "req-bbbb-0002" },
      ]),
    );
    expect(currentLogContext()).toBeUndefined();
  });

  it("never let the context hide what a line says about itself", () => {
    const { logger, lines } = capture();
    withLogContext({ batchId: "batch-1" }, () => logger.error({ deliveryId: "d-7" }, "delivery failed to process"));
    expect(lines[0]).toMatchObject({ batchId: "batch-1", deliveryId: "d-7" });
  });

  it("leave a loop a request merely woke without that request's id, now and later", async () => {
    const { logger, lines } = capture();
    let loop: Promise<void> = Promise.resolve();
    withLogContext({ requestId: "req-wakes-the-loop" }, () => {
      loop = runDetached(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger.info("a later batch");
      });
      logger.info("the request");
    });
    await loop;
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["the request", "req-wakes-the-loop"],
      ["a later batch", undefined],
    ]);
  });
});
