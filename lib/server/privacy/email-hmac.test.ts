import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { emailHmac, erasureKey } from "./email-hmac";

const secret = "s".repeat(40);
const settings = (extra: Record<string, string> = {}) => parseSettings({ AUTH_SECRET: secret, ...extra });

describe("erasure HMAC", () => {
  it("is the same for an email however it is written, and differs between emails", () => {
    const key = erasureKey(settings());
    expect(emailHmac(" Priya@Example.com ", key)).toBe(emailHmac("priya@example.com", key));
    expect(emailHmac("tomas@example.com", key)).not.toBe(emailHmac("priya@example.com", key));
  });

  it("is keyed: neither a plain hash of the email nor the same under another key", () => {
    const derived = erasureKey(settings());
    const own = erasureKey(settings({ ERASURE_HMAC_KEY: "k".repeat(40) }));
    const plain = createHash("sha256").update("priya@example.com").digest("hex");
    expect(emailHmac("priya@example.com", derived)).not.toBe(plain);
    expect(emailHmac("priya@example.com", own)).not.toBe(emailHmac("priya@example.com", derived));
    expect(own.id).not.toBe(derived.id);
  });

  it("derives its key from AUTH_SECRET under a label, never using the secret itself as the key", () => {
    const derived = erasureKey(settings());
    expect(derived.key.toString("utf8")).not.toBe(secret);
    expect(erasureKey(settings()).id).toBe(derived.id);
  });

  it("refuses a short ERASURE_HMAC_KEY", () => {
    expect(() => settings({ ERASURE_HMAC_KEY: "short" })).toThrow(/ERASURE_HMAC_KEY must be at least 32/);
  });
});
