import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "../auth/secrets";
import { DEFAULT_EXPIRY_CHOICE_HOURS, EXPIRY_CHOICES } from "@/components/share/share-results";
import { DEFAULT_EXPIRY_HOURS, shareLinkOptionsSchema, shareLinkStatus, shareUrl } from "./share-links";

describe("share link tokens", () => {
  it("are 256 random bits, URL-safe, and never repeat", () => {
    const tokens = Array.from({ length: 2_000 }, () => generateToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 50)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
    // Every base64url character turns up across many tokens: no fixed or biased positions.
    const seen = new Set(tokens.join(""));
    expect(seen.size).toBe(64);
  });

  it("are stored as a hash that is not the token and is the same for the same token", () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(generateToken()));
  });
});

describe("shareLinkStatus", () => {
  const expiresAt = new Date("2026-03-10T12:00:00.000Z");
  it("is active until the last millisecond before expiry and expired from then on", () => {
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, new Date(expiresAt.getTime() - 1))).toBe("active");
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
  });
  it("says revoked whether or not it has also expired", () => {
    const revokedAt = new Date("2026-03-01T00:00:00Z");
    expect(shareLinkStatus({ expiresAt, revokedAt }, new Date("2026-03-02T00:00:00Z"))).toBe("revoked");
    expect(shareLinkStatus({ expiresAt, revokedAt }, new Date("2026-04-01T00:00:00Z"))).toBe("revoked");
  });
});

describe("shareLinkOptionsSchema", () => {
  it("defaults to 14 days with proctoring and recording left out", () => {
    expect(shareLinkOptionsSchema.parse({ attemptId: "a1" })).toEqual({
      attemptId: "a1",
      includeProctoring: false,
      includeRecording: false,
      expiresInHours: 336,
    });
  });
  it("accepts every expiry the share dialog offers, and the dialog's default is the server's", () => {
    for (const choice of EXPIRY_CHOICES) {
      expect(shareLinkOptionsSchema.safeParse({ attemptId: "a1", expiresInHours: choice.hours }).success).toBe(true);
    }
    expect(DEFAULT_EXPIRY_CHOICE_HOURS).toBe(DEFAULT_EXPIRY_HOURS);
  });
  it("refuses fractional or out-of-range expiries", () => {
    expect(shareLinkOptionsSchema.safeParse({ attemptId: "a1", expiresInHours: 1.5 }).success).toBe(false);
    expect(shareLinkOptionsSchema.safeParse({ attemptId: "a1", expiresInHours: 2161 }).success).toBe(false);
    expect(shareLinkOptionsSchema.safeParse({ attemptId: "", expiresInHours: 24 }).success).toBe(false);
  });
});

it("builds the link from APP_URL with or without a trailing slash", () => {
  expect(shareUrl("https://hub.example.com/", "tok")).toBe("https://hub.example.com/r/tok");
  expect(shareUrl("http://localhost:3000", "tok")).toBe("http://localhost:3000/r/tok");
});
