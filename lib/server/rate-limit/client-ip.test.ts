import { expect, it } from "vitest";
import { clientIp } from "./client-ip";

it("takes the single address the app's server wrote", () => {
  expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
  expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8::7" }))).toBe("2001:db8::7");
});

it("believes no list, no X-Real-IP alone and no non-address: those did not come from the app's server", () => {
  expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("unknown");
  expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }))).toBe("unknown");
  expect(clientIp(new Headers({ "x-forwarded-for": `evil:${"x".repeat(200)}/<>` }))).toBe("unknown");
  expect(clientIp(new Headers())).toBe("unknown");
});
