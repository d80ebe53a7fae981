// docs/contract.md §2: no secret value may appear in anything under .next/static or in any page's HTML.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "./support/settings";

const SECRET_NAMES = /SECRET|PASSWORD|TOKEN|_KEY$/;
const secretValues = Object.entries(E2E.serverEnv)
  .filter(([name, value]) => SECRET_NAMES.test(name) && value.length >= 8)
  .map(([name, value]) => ({ name, value, bare: value.replace(/^whsec_/, "") }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("the built client assets contain no secret value", () => {
  expect(secretValues.length).toBeGreaterThan(2);
  const staticDir = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "static");
  const files = filesUnder(staticDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const content = readFileSync(file, "latin1");
    for (const secret of secretValues) {
      expect(content.includes(secret.value) || content.includes(secret.bare), `${secret.name} found in ${file}`).toBe(
        false,
      );
    }
  }
});

test("pages an admin sees contain no secret value", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  for (const path of [
    "/jobs",
    "/settings",
    "/settings/smartai",
    "/settings/webhooks",
    "/settings/video",
    "/settings/users",
    "/settings/events",
  ]) {
    const response = await page.goto(path);
    const html = (await response?.text()) ?? "";
    for (const secret of secretValues) {
      expect(html.includes(secret.value) || html.includes(secret.bare), `${secret.name} found in ${path}`).toBe(false);
    }
  }
});
