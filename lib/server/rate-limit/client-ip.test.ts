import { expect, it } from "vitest";
import { clientIp } from "./client-ip";

it("takes the address the nearest proxy appended, not what the client claimed first", () => {
  expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
  expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("::ffff:127.0.0.1");
});

it("falls back to X-Real-IP, then to one shared bucket", () => {
  expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("198.51.100.4");
  expect(clientIp(new Headers())).toBe("unknown");
});

it("keeps the key short and plain whatever the header holds", () => {
  const address = clientIp(new Headers({ "x-forwarded-for": `evil:${"x".repeat(200)}/<>` }));
  expect(address.length).toBeLessThanOrEqual(64);
  expect(address).toMatch(/^[0-9A-Za-z.:_-]+$/);
});
