import { expect, test, type Browser } from "@playwright/test";
import { seedAttempt, seedShareLink } from "./support/seed";
import { E2E } from "./support/settings";
import { signIn } from "./support/sign-in";

/** A hiring manager: a fresh browser with no session and no cookies. */
async function signedOutVisit(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(url);
  return { context, page, response };
}

test("a share link opens one report without an account, and says so once it is gone", async ({ browser, request }) => {
  const { attemptId } = seedAttempt({ candidate: { name: "Katherine Johnson" } });
  seedAttempt({ candidate: { name: "Dorothy Vaughan" } });
  const link = seedShareLink({ attemptId });

  const { context, page, response } = await signedOutVisit(browser, `/r/${link.token}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { level: 1, name: "Katherine Johnson" })).toBeVisible();
  await expect(page.getByText("78 / 100")).toBeVisible();
  await expect(page.getByText("Passed", { exact: true })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Problem solving" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByText("Dorothy Vaughan")).toHaveCount(0);
  await expect(page.getByText("Proctoring")).toHaveCount(0);
  await context.close();

  expect((await request.get(`/r/${"x".repeat(43)}`)).status()).toBe(404);
});

test(`too many lookups from one address answer 429`, async ({ request }, testInfo) => {
  // The limit counts per fixed one-minute window: start the 31 lookups well inside one, so
  // they cannot straddle a boundary, and from an address no earlier try has used.
  const secondsIntoWindow = (Date.now() % 60_000) / 1000;
  if (secondsIntoWindow > 45) await new Promise((resolve) => setTimeout(resolve, (61 - secondsIntoWindow) * 1000));
  const headers = { "x-forwarded-for": `192.0.2.${200 + testInfo.retry}` };
  for (let lookup = 0; lookup < 30; lookup += 1) {
    expect((await request.get(`/r/guess-${lookup}-${"y".repeat(36)}`, { headers })).status()).toBe(404);
  }
  const refused = await request.get(`/r/guess-final-${"y".repeat(36)}`, { headers });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});

test("a recruiter shares a report from the candidate page, sees it opened, and revokes it", async ({
  page,
  browser,
}) => {
  const { candidateId } = seedAttempt({ candidate: { name: "Mary Jackson" } });
  await signIn(page);
  await page.goto(`/candidates/${candidateId}`);
  const sharing = page.getByRole("region", { name: "Share links" });
  await expect(sharing.getByText("Not shared yet.")).toBeVisible();

  await sharing.getByRole("button", { name: "Share report" }).click();
  const dialog = page.getByRole("dialog", { name: "Share Mary Jackson's report" });
  await dialog.getByLabel("Include proctoring").check();
  await dialog.getByLabel("Link works for").selectOption({ label: "7 days" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const linkField = dialog.getByLabel("Share link");
  await expect(linkField).toHaveValue(new RegExp(`^${E2E.baseUrl}/r/[A-Za-z0-9_-]{43}$`));
  const url = await linkField.inputValue();
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByText(/Copied to the clipboard|press Ctrl\+C/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  const visit = await signedOutVisit(browser, url);
  expect(visit.response?.status()).toBe(200);
  await expect(visit.page.getByRole("heading", { level: 1, name: "Mary Jackson" })).toBeVisible();
  await expect(visit.page.getByText("78 / 100")).toBeVisible();
  await expect(visit.page.getByRole("heading", { name: "Proctoring" })).toBeVisible();
  await expect(visit.page.getByRole("heading", { name: "Recording" })).toHaveCount(0);

  await page.reload();
  const row = sharing.locator("tr[data-share-link]");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("active");
  await expect(row).toContainText("score, proctoring");
  await expect(row.locator("td").nth(4)).toHaveText("1");

  page.once("dialog", (confirm) => void confirm.accept());
  await row.getByRole("button", { name: /^Revoke the link/ }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  const gone = await visit.page.reload();
  expect(gone?.status()).toBe(410);
  await expect(visit.page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(visit.page.getByText("Mary Jackson")).toHaveCount(0);
  await visit.context.close();
});
