import { describe, expect, it } from "vitest";
import { linkExpiresAt } from "./media-expiry";

describe("linkExpiresAt", () => {
  it("reads AWS SigV4 and Google Cloud V4 signatures: signing time plus lifetime", () => {
    expect(
      linkExpiresAt(
        "https://b.s3.amazonaws.com/r.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260302T101200Z&X-Amz-Expires=3600&X-Amz-Signature=ab",
      )?.toISOString(),
    ).toBe("2026-03-02T11:12:00.000Z");
    expect(
      linkExpiresAt(
        "https://storage.googleapis.com/b/r.mp4?X-Goog-Date=20260302T101200Z&X-Goog-Expires=60",
      )?.toISOString(),
    ).toBe("2026-03-02T10:13:00.000Z");
  });

  it("reads CloudFront / V2 epoch expiries and Azure SAS end times", () => {
    expect(linkExpiresAt("https://d.cloudfront.net/r.mp4?Expires=1772446320&Signature=x")?.toISOString()).toBe(
      "2026-03-02T10:12:00.000Z",
    );
    expect(linkExpiresAt("https://a.blob.core.windows.net/c/r.mp4?se=2026-03-02T10:12:00Z&sig=x")?.toISOString()).toBe(
      "2026-03-02T10:12:00.000Z",
    );
  });

  it("says nothing for an unsigned link or one it cannot read", () => {
    expect(linkExpiresAt("https://interviews.example.com/media/inv_1/q_1.mp4")).toBeNull();
    expect(linkExpiresAt("https://a.blob.core.windows.net/c/r.mp4?se=2026-03-02")).toBeNull();
    expect(linkExpiresAt("not a url")).toBeNull();
    expect(linkExpiresAt("https://x.test/r.mp4?X-Amz-Date=yesterday&X-Amz-Expires=60")).toBeNull();
  });
});
