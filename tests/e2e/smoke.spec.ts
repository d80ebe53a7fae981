// A short walk through the built app's main pages, run by both projects: on SQLite and on
// PostgreSQL (playwright.config.ts), so each database serves every page's queries once.
import { randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { seedAttempt } from "./support/seed";
import { E2E } from "./support/settings";
import { signIn } from "./support/sign-in";

test("sign in, open the jobs, a job, a candidate and the users page; health says the database is fine", async ({
  page,
  request,
  databaseUrl,
}) => {
  // Names of this run's own, so the walk finds what it seeded whatever else the database holds.
  const unique = randomBytes(3).toString("hex");
  const job = `Smoke Site Reliability Engineer ${unique}`;
  const candidate = `Grace Hopper ${unique}`;
  seedAttempt({ jobTitle: job, candidate: { name: candidate } }, databaseUrl);

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, db: "ok" });

  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  // Other specs fill the SQLite server's job list: search finds this walk's job on any page.
  await page.getByRole("searchbox", { name: "Search jobs by title" }).fill(job);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: job }).click();
  await expect(page.getByRole("heading", { level: 1, name: job })).toBeVisible();

  await page.getByRole("link", { name: candidate }).click();
  await expect(page.getByRole("heading", { level: 1, name: candidate })).toBeVisible();
  await expect(page.getByText("Backend engineering").first()).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await page.getByRole("link", { name: /^Users/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page.locator(`tr[data-user-email="${E2E.admin.email}"]`)).toBeVisible();
});
