import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "./support/settings";
import { signIn } from "./support/sign-in";

const emulator = E2E.videoEmulator;
const JOB_TITLE = "Video E2E Support Lead";

/** The provider's own API, as the emulator serves it. */
function providerCall(request: APIRequestContext, method: "GET" | "POST", path: string, data?: unknown) {
  return request.fetch(`${emulator.url}${path}`, {
    method,
    data,
    headers: { Authorization: `Bearer ${emulator.apiKey}` },
  });
}

/**
 * A job exists once a provider reports on it: an interview created at the provider for the
 * job title, one candidate started, and the signed webhook makes the app create the job.
 */
async function jobFromProvider(request: APIRequestContext) {
  const assessment = await (
    await providerCall(request, "POST", "/v1/assessments", {
      title: "Seed interview",
      jobTitle: JOB_TITLE,
      questions: [{ text: "Hello?" }],
    })
  ).json();
  await providerCall(request, "POST", `/v1/assessments/${assessment.id}/invitations`, {
    candidates: [{ name: "Seed Person", email: "seed.person@e2e.test" }],
  });
}

async function openVideoPage(page: Page) {
  await expect(async () => {
    await page.goto("/jobs");
    await page.getByRole("link", { name: JOB_TITLE }).click({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("link", { name: "Video interviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Video interviews" })).toBeVisible();
}

test("a recruiter creates a video interview, invites a candidate, and the scored result reaches the candidate page", async ({
  page,
  request,
}) => {
  await jobFromProvider(request);
  await signIn(page);
  await openVideoPage(page);

  await page.getByLabel("Title").fill("Support lead video screen");
  await page.getByLabel(/Questions/).fill("Tell us about a difficult customer.\nHow do you coach a new teammate?");
  await page.getByRole("button", { name: "Create video interview" }).click();
  await expect(page.getByRole("status")).toContainText("Video interview created");
  const interview = page.getByRole("article", { name: "Support lead video screen" });
  await expect(interview).toContainText("2 questions");

  await interview.getByLabel("Candidate 1 Name").fill("Grace Hopper");
  await interview.getByLabel("Candidate 1 Email").fill("grace.hopper@e2e.test");
  await interview.getByRole("button", { name: "Send invitations" }).click();
  await expect(interview.getByRole("status")).toContainText("Invited 1 candidate: Grace Hopper");

  const row = interview.getByTestId("video-candidate-grace.hopper@e2e.test");
  await expect(row).toBeVisible();
  // The emulated candidate starts, submits and is scored within seconds; webhooks bring it in.
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("Completed", { timeout: 1_000 });
    await expect(row).not.toContainText("partial result", { timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await expect(row).toContainText("/ 100");

  await row.getByRole("link", { name: "Grace Hopper", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grace Hopper" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Traits" })).toBeVisible();
  await expect(page.getByText("Communication").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Answer recordings and media" })).toBeVisible();
  await expect(page.getByText("Answer 1: Tell us about a difficult customer.").first()).toBeVisible();
  await page.getByText("Transcript", { exact: true }).click();
  await expect(page.getByText("Q1. Tell us about a difficult customer.")).toBeVisible();
});

test("when the provider is down the recruiter sees why, nothing is half-created, and Try again invites once", async ({
  page,
  request,
}) => {
  await jobFromProvider(request);
  await signIn(page);
  await openVideoPage(page);
  await page.getByLabel("Title").fill("Outage drill interview");
  await page.getByLabel(/Questions/).fill("What would you do first?");
  await page.getByRole("button", { name: "Create video interview" }).click();
  const interview = page.getByRole("article", { name: "Outage drill interview" });
  await expect(interview).toBeVisible();

  await request.post(`${emulator.url}/_emulator/faults`, { data: { down: true } });
  await interview.getByLabel("Candidate 1 Name").fill("Alan Turing");
  await interview.getByLabel("Candidate 1 Email").fill("alan.turing@e2e.test");
  await interview.getByRole("button", { name: "Send invitations" }).click();
  await expect(interview.getByRole("alert")).toContainText("unavailable");
  await expect(interview.getByRole("alert")).toContainText("Nothing was saved");
  await expect(interview.getByText("Nobody is invited yet.")).toBeVisible();

  await request.post(`${emulator.url}/_emulator/faults`, { data: { down: false } });
  await interview.getByRole("button", { name: "Try again" }).click();
  await expect(interview.getByRole("status")).toContainText("Invited 1 candidate: Alan Turing");
  await expect(interview.getByTestId("video-candidate-alan.turing@e2e.test")).toBeVisible();

  const state = await (await request.get(`${emulator.url}/_emulator/state`)).json();
  expect(
    state.invitations.filter((invitation: { email: string }) => invitation.email === "alan.turing@e2e.test"),
  ).toHaveLength(1);
});

test("the admin's video settings show what is configured, never the secrets, and check the connection", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/settings/video");
  await expect(page.getByRole("heading", { level: 1, name: "AI video interviews" })).toBeVisible();
  await expect(page.getByText("Configured", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Webhook URL")).toHaveValue(`${E2E.baseUrl}/api/webhooks/video`);
  const html = await page.content();
  expect(html).not.toContain(emulator.apiKey);
  expect(html).not.toContain(emulator.webhookSecret);
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByRole("status")).toContainText("Connected to the provider account");
  await expect(page.getByRole("status")).toContainText("sends its webhooks to this app");
});
