import { expect, test, type Page } from "@playwright/test";
import { RECRUITER_JOURNEY } from "./support/recruiter-journey-data";
import { seedRecruiterData } from "./support/recruiter-seed";
import { signIn } from "./support/sign-in";

const { people } = RECRUITER_JOURNEY;

// Issue 15: a job's insights above its table, then two candidates side by side, the
// selection kept in the address through a reload.
test.beforeAll(() => {
  seedRecruiterData("journey");
});

async function openJob(page: Page) {
  await signIn(page);
  await page.getByRole("link", { name: RECRUITER_JOURNEY.job }).click();
  await expect(page.getByRole("heading", { level: 1, name: RECRUITER_JOURNEY.job })).toBeVisible();
}

test("a job shows its insights as captioned figures with their numbers", async ({ page }) => {
  await openJob(page);
  const insights = page.getByRole("region", { name: /^Insights/ });
  await expect(insights).toBeVisible();
  const scores = insights.getByRole("figure", { name: /Scores: Full Stack Developer Assessment/ });
  await expect(scores).toBeVisible();
  await expect(scores.getByRole("img")).toHaveAttribute("aria-label", /scored results/);
  await scores.getByText("Show the numbers").click();
  await expect(scores.getByRole("table")).toBeVisible();
  await expect(insights.getByRole("figure", { name: /Funnel/ })).toContainText("not reported");
  await expect(insights.getByRole("figure", { name: /Integrity flags/ })).toBeVisible();
  await expect(insights.getByRole("figure", { name: /Completions per week/ })).toBeVisible();
});

test("two selected candidates open side by side, and a reload keeps the selection", async ({ page }) => {
  await openJob(page);
  await page.getByRole("checkbox", { name: `Select ${people.priya.name}` }).check();
  await page.getByRole("checkbox", { name: `Select ${people.omar.name}` }).check();
  await page.getByRole("link", { name: "Compare 2 selected" }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/]+\/compare\?ids=[^,&]+,[^,&]+$/);
  const address = page.url();
  const checkComparison = async () => {
    await expect(page.getByRole("heading", { level: 1, name: "Compare candidates" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: new RegExp(people.priya.name) })).toContainText("Best score");
    await expect(table.getByRole("columnheader", { name: new RegExp(people.omar.name) })).toContainText("Failed");
    await expect(table.getByRole("rowheader", { name: "Overall score" })).toBeVisible();
  };
  await checkComparison();

  await page.reload();
  expect(page.url()).toBe(address);
  await checkComparison();
});
