import { describe, expect, it } from "vitest";
import { authOptions } from "./options";

process.env.AUTH_SECRET ??= "options-test-secret-that-is-long-enough-0123";

const BASE = "http://localhost:3000";
const redirect = (url: string) => authOptions().callbacks!.redirect!({ url, baseUrl: BASE });

describe("next-auth redirect callback", () => {
  it("keeps sign-in and sign-out redirects on the app's own origin", async () => {
    expect(await redirect("/\\evil.example/x")).toBe(`${BASE}/jobs`);
    expect(await redirect("//evil.example")).toBe(`${BASE}/jobs`);
    expect(await redirect("http://evil.example/x")).toBe(`${BASE}/jobs`);
    expect(await redirect("/\t/evil.example")).toBe(`${BASE}/jobs`);
  });

  it("follows paths and same-origin URLs with their query", async () => {
    expect(await redirect("/login")).toBe(`${BASE}/login`);
    expect(await redirect(`${BASE}/jobs/j_1?status=completed`)).toBe(`${BASE}/jobs/j_1?status=completed`);
  });
});
