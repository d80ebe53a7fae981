import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

test("a signed-out visit to /jobs goes to the sign-in page", async ({ page }) => {
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password shows one error that says nothing about which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");

  await page.getByLabel("Email").fill("nobody@e2e.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("the admin signs in, reaches the jobs page, and signs out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/login/);
});

test("the read API answers 401 without a token and lists results with one", async ({ request }) => {
  expect((await request.get("/api/v1/results")).status()).toBe(401);
  expect((await request.get("/api/v1/results", { headers: { Authorization: "Bearer wrong" } })).status()).toBe(401);
  const response = await request.get("/api/v1/results", { headers: { Authorization: `Bearer ${E2E.apiToken}` } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
  expect(Array.isArray(body.items)).toBe(true);
  expect(body.nextCursor === null || typeof body.nextCursor === "string").toBe(true);
});
