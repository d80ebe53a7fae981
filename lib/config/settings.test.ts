import { describe, expect, it } from "vitest";
import {
  DEMO_SMARTAI_API_URL,
  parseSettings,
  SettingsError,
  smartAiApiUrl,
  smartAiConfigurationProblem,
} from "./settings";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseSettings(source);
    return [];
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
}

describe("parseSettings", () => {
  it("applies the contract's defaults", () => {
    const settings = parseSettings({});
    expect(settings.DATABASE_URL).toBe("file:./data/app.db");
    expect(settings.ASSESSMENT_POLL_INTERVAL_MS).toBe(30_000);
    expect(settings.PORT).toBe(3000);
    expect(settings.APP_URL).toBe("http://localhost:3000");
    expect(settings.POLLER_ENABLED).toBe(true);
  });

  it("names the variable when DATABASE_URL is not SQLite or PostgreSQL", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://root@localhost/db" })).toEqual([
      expect.stringMatching(/^DATABASE_URL must be "file:/),
    ]);
  });

  it("refuses poll intervals below 5000 ms with the reason", () => {
    expect(problemsOf({ ASSESSMENT_POLL_INTERVAL_MS: "4999" })[0]).toMatch(
      /^ASSESSMENT_POLL_INTERVAL_MS must be at least 5000 ms/,
    );
    expect(parseSettings({ ASSESSMENT_POLL_INTERVAL_MS: "5000" }).ASSESSMENT_POLL_INTERVAL_MS).toBe(5000);
  });

  it("requires AUTH_SECRET in production, but not in demo mode", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([expect.stringMatching(/^AUTH_SECRET is required/)]);
    expect(problemsOf({ NODE_ENV: "production", DEMO_MODE: "1" })).toEqual([]);
  });

  it("checks webhook secrets have the Standard Webhooks form", () => {
    expect(problemsOf({ TESTLIFY_WEBHOOK_SECRET: "plain-secret" })[0]).toMatch(
      /^TESTLIFY_WEBHOOK_SECRET must be "whsec_"/,
    );
    expect(problemsOf({ AE_WEBHOOK_SECRET: "whsec_c2VjcmV0LXZhbHVlLTEyMw==" })).toEqual([]);
  });

  it("wants ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(problemsOf({ ADMIN_EMAIL: "admin@example.com" })).toEqual([
      "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    ]);
  });

  it("treats empty values as unset", () => {
    expect(parseSettings({ ASSESSMENT_API_KEY: "", TESTLIFY_WEBHOOK_SECRET: "" }).ASSESSMENT_API_KEY).toBeUndefined();
  });
});

describe("smartAiConfigurationProblem", () => {
  it("says which SmartAI setting is missing", () => {
    expect(smartAiConfigurationProblem(parseSettings({}))).toBe("SmartAI is not configured: set ASSESSMENT_API_KEY");
    expect(smartAiConfigurationProblem(parseSettings({ ASSESSMENT_API_KEY: "wc_ak_test" }))).toBe(
      "SmartAI is not configured: set ASSESSMENT_SECRET_KEY",
    );
  });

  it("needs an API URL outside demo mode; in demo mode it is the built-in emulator", () => {
    const keys = { ASSESSMENT_API_KEY: "wc_ak_test", ASSESSMENT_SECRET_KEY: "wc_sk_test" };
    expect(smartAiConfigurationProblem(parseSettings(keys))).toMatch(/set ASSESSMENT_API_URL/);
    const demo = parseSettings({ ...keys, DEMO_MODE: "1" });
    expect(smartAiConfigurationProblem(demo)).toBeNull();
    expect(smartAiApiUrl(demo)).toBe(DEMO_SMARTAI_API_URL);
    expect(
      smartAiApiUrl(parseSettings({ ...keys, DEMO_MODE: "1", ASSESSMENT_API_URL: "https://api.example.com" })),
    ).toBe("https://api.example.com");
  });
});
