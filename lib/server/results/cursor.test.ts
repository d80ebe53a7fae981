import { expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

it("round-trips a keyset position", () => {
  const position = { updatedAt: new Date("2026-06-09T10:30:00.123Z"), id: "clx123" };
  expect(decodeCursor(encodeCursor(position))).toEqual(position);
});

it("rejects cursors it did not make", () => {
  expect(decodeCursor("not-a-cursor")).toBeNull();
  expect(decodeCursor(Buffer.from(JSON.stringify({ u: "yesterday", i: "x" })).toString("base64url"))).toBeNull();
  expect(decodeCursor(Buffer.from("[1,2]").toString("base64url"))).toBeNull();
});
