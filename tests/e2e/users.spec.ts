import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./support/settings";
import { signIn } from "./support/sign-in";

async function addUser(
  admin: Page,
  user: { name: string; email: string; role: "Recruiter" | "Admin"; password: string },
) {
  await admin.goto("/settings/users");
  await admin.getByLabel("Name", { exact: true }).fill(user.name);
  await admin.getByLabel("Email", { exact: true }).fill(user.email);
  await admin.getByLabel("Role", { exact: true }).selectOption({ label: user.role });
  await admin.getByLabel("Initial password", { exact: true }).fill(user.password);
  await admin.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("status")).toContainText(`Added ${user.email}`);
  await expect(admin.locator(`tr[data-user-email="${user.email}"]`)).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("the last active admin cannot deactivate themselves", async ({ page }) => {
  await signIn(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/users");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Deactivate ${E2E.admin.email}` }).click();
  await expect(page.getByText(/This is the last active admin/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: `Deactivate ${E2E.admin.email}` })).toBeVisible();
});

test("a recruiter added by an admin signs in, but settings, users and sync are not there for them", async ({
  page,
  browser,
}) => {
  await signIn(page, E2E.admin.email, E2E.admin.password);
  const recruiter = {
    name: "Rhea Recruiter",
    email: "rhea@e2e.test",
    role: "Recruiter" as const,
    password: "rhea-password-123",
  };
  await addUser(page, recruiter);

  const context = await browser.newContext();
  const recruiterPage = await context.newPage();
  await signIn(recruiterPage, recruiter.email, recruiter.password);
  await expect(recruiterPage.getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of ["/settings", "/settings/users", "/settings/smartai", "/settings/video", "/settings/events"]) {
    const response = await recruiterPage.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await context.close();
});

test("deactivating or changing the role of a signed-in user ends their session at once", async ({ page, browser }) => {
  await signIn(page, E2E.admin.email, E2E.admin.password);
  const leaver = {
    name: "Leo Leaver",
    email: "leo@e2e.test",
    role: "Recruiter" as const,
    password: "leo-password-1234",
  };
  const mover = { name: "Mo Mover", email: "mo@e2e.test", role: "Recruiter" as const, password: "mo-password-12345" };
  await addUser(page, leaver);
  await addUser(page, mover);

  const leaverContext = await browser.newContext();
  const leaverPage = await leaverContext.newPage();
  await signIn(leaverPage, leaver.email, leaver.password);
  expect((await leaverPage.request.get("/api/v1/results")).status()).toBe(200);

  const moverContext = await browser.newContext();
  const moverPage = await moverContext.newPage();
  await signIn(moverPage, mover.email, mover.password);

  await page.getByRole("button", { name: `Deactivate ${leaver.email}` }).click();
  await expect(page.getByRole("button", { name: `Reactivate ${leaver.email}` })).toBeVisible();
  await page.getByRole("button", { name: `Make ${mover.email} an admin` }).click();
  await expect(page.getByRole("button", { name: `Make ${mover.email} a recruiter` })).toBeVisible();

  // Their cookies are still there; the server no longer accepts them.
  await leaverPage.goto("/jobs");
  await expect(leaverPage).toHaveURL(/\/login/);
  expect((await leaverPage.request.get("/api/v1/results")).status()).toBe(401);
  await moverPage.goto("/jobs");
  await expect(moverPage).toHaveURL(/\/login/);

  // A deactivated user cannot sign in again; once reactivated they can, with a new session.
  await leaverPage.getByLabel("Email").fill(leaver.email);
  await leaverPage.getByLabel("Password").fill(leaver.password);
  await leaverPage.getByRole("button", { name: "Sign in" }).click();
  await expect(leaverPage.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await page.getByRole("button", { name: `Reactivate ${leaver.email}` }).click();
  await expect(page.getByRole("button", { name: `Deactivate ${leaver.email}` })).toBeVisible();
  await signIn(leaverPage, leaver.email, leaver.password);

  await leaverContext.close();
  await moverContext.close();
});
