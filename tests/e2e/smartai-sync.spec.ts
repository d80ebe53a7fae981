// An admin watches SmartAI results arrive, syncs on demand and backfills a window.
import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
});

test("the SmartAI page shows the connection, and Sync now runs a cycle to the end", async ({ page }) => {
  await page.goto("/settings/smartai");
  await expect(page.getByRole("heading", { name: "SmartAI", level: 1 })).toBeVisible();
  await expect(page.getByText("Configured", { exact: true })).toBeVisible();
  await expect(page.getByText("wc_a…cdef")).toBeVisible();
  await expect(page.getByText("set (never shown)")).toBeVisible();
  await expect(page.getByText("(this instance)")).toBeVisible({ timeout: 20_000 });

  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Sync requested/)).toBeVisible();
  const latest = page.locator("[data-latest-sync-run]");
  // The page follows the run on its own until it has finished.
  await expect(latest).toContainText("Sync now", { timeout: 20_000 });
  await expect(latest).toContainText("Succeeded", { timeout: 20_000 });
});

test("a backfill is queued with its window and runs", async ({ page }) => {
  await page.goto("/settings/smartai");
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel("Since (UTC)").fill(hourAgo);
  await page.getByRole("button", { name: "Backfill this window" }).click();
  await expect(page.getByText(/Backfill queued/)).toBeVisible();
  const latest = page.locator("[data-latest-sync-run]");
  await expect(latest).toContainText("Backfill", { timeout: 20_000 });
  await expect(latest).toContainText("Succeeded", { timeout: 20_000 });
});

test("SmartAI results reach the read API", async ({ request }) => {
  await expect
    .poll(
      async () => {
        const response = await request.get("/api/v1/results?provider=smartai&status=completed", {
          headers: { Authorization: `Bearer ${E2E.apiToken}` },
        });
        return ((await response.json()) as { items: unknown[] }).items.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
});

test("health names the polling instance to a signed-in admin, and to nobody else", async ({ page, request }) => {
  // `request` carries no session; `page.request` shares the signed-in admin's cookies.
  expect(await (await request.get("/api/health")).json()).toEqual({ ok: true, db: "ok" });
  const health = (await (await page.request.get("/api/health")).json()) as {
    poller: { leader: string | null; thisInstance: { state: string } };
  };
  expect(health.poller.leader).toBeTruthy();
  expect(health.poller.thisInstance.state).toBe("polling");
});
