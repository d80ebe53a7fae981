import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { RECRUITER_JOURNEY } from "./support/recruiter-journey-data";
import { seedRecruiterData } from "./support/recruiter-seed";
import { signIn } from "./support/sign-in";

const { people } = RECRUITER_JOURNEY;

// One recruiter's session, step after step, on the data the seed wrote through applyEvents.
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  seedRecruiterData("journey");
});

async function openJob(page: Page) {
  await signIn(page);
  await page.getByRole("link", { name: RECRUITER_JOURNEY.job }).click();
  await expect(page.getByRole("heading", { level: 1, name: RECRUITER_JOURNEY.job })).toBeVisible();
}

/** Half a second of silence as WAV: enough for the browser's player to load and play. */
function silentWav(): Buffer {
  const samples = 4_000;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8_000, 24);
  header.writeUInt32LE(8_000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

// The results table, not the insight tables above it (issue 15).
const candidateColumn = (page: Page) =>
  page.getByRole("table", { name: /^Results for/ }).locator("tbody tr td:nth-child(2)");

test("the jobs list shows the job with its results by status, average and pass rate", async ({ page }) => {
  await signIn(page);
  const row = page.getByRole("row", { name: new RegExp(RECRUITER_JOURNEY.job) });
  await expect(row).toContainText("7 results");
  await expect(row).toContainText("6 completed");
  await expect(row).toContainText("1 invited");
  await expect(row).toContainText("67%");
});

test("sorting by score and filtering live in the URL, and the back button undoes them", async ({ page }) => {
  await openJob(page);
  const scoreHeader = page.getByRole("button", { name: /^Score/ });
  await scoreHeader.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=score/);
  await expect(page.getByRole("columnheader", { name: /^Score/ })).toHaveAttribute("aria-sort", "descending");
  await expect(candidateColumn(page).first()).toHaveText(people.priya.name);

  await page.getByRole("button", { name: /^Score/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(candidateColumn(page).first()).toHaveText(people.jane.name);

  await page.goBack();
  await expect(page).not.toHaveURL(/dir=asc/);
  await expect(candidateColumn(page).first()).toHaveText(people.priya.name);

  await page.getByRole("link", { name: "Integrity flagged" }).click();
  await expect(page).toHaveURL(/flagged=yes/);
  await expect(candidateColumn(page)).toHaveText([people.priya.name, people.bikram.name]);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/flagged=yes/);
  await page.getByLabel("Search candidates by name or email").fill("omar");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=omar/);
  await expect(page).toHaveURL(/sort=score/);
  await expect(candidateColumn(page)).toHaveText([people.omar.name]);
});

test("exports the whole view and a selection as CSV, with formula-looking text defused", async ({ page }) => {
  await openJob(page);
  const everything = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export 7 as CSV" }).click();
  const all = await everything;
  expect(all.suggestedFilename()).toMatch(/^e2e-platform-engineer-results-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await all.path())!, "utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  // The fixed columns first; one column per section the results have follows them.
  expect(lines[0]).toMatch(
    /^Candidate,Email,Assessment,Provider,Status,Result,Score,Max score,Pass mark,Passed,Grading band,Integrity score,Violations,Integrity flagged,Integrity flags,Submitted at,Duration \(minutes\),Report URL,Recording URL,Invite URL(,|$)/,
  );
  expect(lines).toHaveLength(8);
  const priya = lines.find((line) => line.startsWith(`Priya Sharma,${people.priya.email},`));
  expect(priya).toContain(",Full Stack Developer Assessment,SmartAI,completed,final,78,100,60,yes,");
  expect(priya).toContain(
    `,2026-06-09T10:30:00.000Z,45,https://platform.smartai.app/reports/evt_01J9XYZABC,${RECRUITER_JOURNEY.recordingUrl},`,
  );
  expect(lines.some((line) => line.startsWith(`'@Mallory Formula,${people.mallory.email}`))).toBe(true);

  await page.getByRole("checkbox", { name: `Select ${people.priya.name}` }).check();
  await page.getByRole("checkbox", { name: `Select ${people.omar.name}` }).check();
  await expect(page.getByRole("status").filter({ hasText: "2 selected" })).toBeVisible();
  const selected = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export 2 selected" }).click();
  const selectedText = readFileSync((await (await selected).path())!, "utf8");
  const selectedLines = selectedText
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .slice(1);
  expect(selectedLines.map((line) => line.split(",")[0]).sort()).toEqual([people.omar.name, people.priya.name]);
});

test("a candidate's page plays the recording and shows provider text as text", async ({ page }) => {
  await page.route("https://media.e2e.test/**", (route) =>
    route.fulfill({ status: 200, contentType: "audio/wav", body: silentWav() }),
  );
  await openJob(page);
  await page.getByRole("link", { name: people.priya.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: people.priya.name })).toBeVisible();
  await expect(page.getByRole("img", { name: "Score 78 of 100; pass mark 60" })).toBeVisible();
  await expect(page.getByText("Integrity flagged").first()).toBeVisible();

  const video = page.locator("video");
  await expect(video).toHaveAttribute("src", RECRUITER_JOURNEY.recordingUrl);
  const playing = await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
    return !element.paused;
  });
  expect(playing).toBe(true);
  await expect(page.getByRole("link", { name: "Open recording in a new tab" })).toHaveAttribute(
    "href",
    RECRUITER_JOURNEY.recordingUrl,
  );
  await page.getByText(/Delivery timeline \(2 deliveries\)/).click();
  await expect(page.getByText("status invited → completed", { exact: false })).toBeVisible();

  await page.goBack();
  await page.getByRole("link", { name: people.mallory.name }).click();
  await expect(page.getByTestId("ai-feedback")).toHaveText(RECRUITER_JOURNEY.scriptFeedback);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("a follower sees a new completion and its notification without reloading", async ({ page }) => {
  await openJob(page);
  const follow = page.getByRole("button", { name: "Follow this job" });
  await follow.click();
  await expect(page.getByRole("button", { name: "Following this job" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("button", { name: "Following this job" })).toBeVisible();

  const meiRow = page.getByRole("row", { name: new RegExp(people.mei.name) });
  await expect(meiRow).toContainText("Invited");
  seedRecruiterData("late-completion");
  await expect(page.getByTestId("unread-count")).toHaveText(/1/, { timeout: 20_000 });
  await expect(meiRow).toContainText("Completed");
  await expect(meiRow).toContainText("83 / 100");

  await page.getByRole("button", { name: /Notifications/ }).click();
  await page.getByRole("link", { name: `${people.mei.name}: result is in` }).click();
  await expect(page.getByRole("heading", { level: 1, name: people.mei.name })).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
});

test("the results page fits a phone screen: the table scrolls inside its frame", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openJob(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("export and live-update endpoints refuse a request without a session", async ({ request }) => {
  expect((await request.get("/api/jobs/unlinked/export")).status()).toBe(401);
  expect((await request.get("/api/activity")).status()).toBe(401);
});
