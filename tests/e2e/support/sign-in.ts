import { expect, type Page } from "@playwright/test";
import { E2E } from "./settings";

/** Signs in through the form, as the admin unless told otherwise, and lands on the jobs page. */
export async function signIn(page: Page, email = E2E.admin.email, password = E2E.admin.password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
}
