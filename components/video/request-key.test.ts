import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newRequestKey } from "./request-key";

describe("newRequestKey", () => {
  it("makes v4 UUIDs the server's zod check accepts, a new one each time", () => {
    const keys = Array.from({ length: 50 }, newRequestKey);
    for (const key of keys) expect(z.uuid().safeParse(key).success).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
