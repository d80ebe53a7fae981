// Issue 15 item 5: every page checked by axe-core (WCAG 2.1 A and AA rules) in light and dark
// mode with no serious or critical violation; a keyboard-only walk through the recruiter's day
// (sign in, open a job, sort, filter, open a candidate, share, revoke) with a visible focus
// indicator on every stop; pass/fail and integrity flags said in words, not colour alone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seedAttempt, seedShareLink } from "./support/seed";
import { E2E } from "./support/settings";
import { signIn } from "./support/sign-in";

const JOB_TITLE = `Accessibility Analyst ${Date.now().toString(36)}`;
const SCHEMES = ["light", "dark"] as const;
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

interface Seeded {
  jobId: string;
  candidateId: string;
  attemptIds: string[];
  shareToken: string;
}

let seeded: Seeded;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const first = seedAttempt({ candidate: { name: "Grace Hopper" }, jobTitle: JOB_TITLE });
  const second = seedAttempt({
    candidate: { name: "Annie Easley" },
    jobTitle: JOB_TITLE,
    facts: {
      status: "completed",
      resultState: "final",
      score: 52,
      maxScore: 100,
      passMark: 70,
      passed: false,
      proctoringScore: 60,
      violationCount: 3,
      submittedAt: new Date("2026-03-03T10:00:00Z"),
    },
  });
  const link = seedShareLink({ attemptId: first.attemptId, includeProctoring: true });
  const page = await browser.newPage();
  await signIn(page);
  await page.goto(`/candidates/${first.candidateId}`);
  const jobHref = await page.getByRole("link", { name: JOB_TITLE }).first().getAttribute("href");
  await page.close();
  const jobId = /\/jobs\/([^/?#]+)/.exec(jobHref ?? "")?.[1];
  if (!jobId) throw new Error(`the candidate page has no link to the job "${JOB_TITLE}"`);
  seeded = {
    jobId,
    candidateId: first.candidateId,
    attemptIds: [first.attemptId, second.attemptId],
    shareToken: link.token,
  };
});

/** Every page a person can reach, signed in or not. */
function pages(): { name: string; path: () => string; signedIn: boolean }[] {
  return [
    { name: "sign-in", path: () => "/login", signedIn: false },
    { name: "shared report", path: () => `/r/${seeded.shareToken}`, signedIn: false },
    { name: "jobs", path: () => "/jobs", signedIn: true },
    { name: "a job", path: () => `/jobs/${seeded.jobId}`, signedIn: true },
    { name: "a job's video interviews", path: () => `/jobs/${seeded.jobId}/video`, signedIn: true },
    // Compare (issue 15 item 2): two results side by side.
    { name: "compare", path: () => `/jobs/${seeded.jobId}/compare?ids=${seeded.attemptIds.join(",")}`, signedIn: true },
    { name: "a candidate", path: () => `/candidates/${seeded.candidateId}`, signedIn: true },
    { name: "account", path: () => "/account", signedIn: true },
    ...["", "/users", "/tokens", "/webhooks", "/smartai", "/video", "/events", "/privacy", "/audit"].map((section) => ({
      name: `settings${section || " index"}`,
      path: () => `/settings${section}`,
      signedIn: true,
    })),
  ];
}

async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(" | ")}`,
    );
}

for (const scheme of SCHEMES) {
  test.describe(`axe, ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const entry of pages()) {
      test(`${entry.name} has no serious or critical violation`, async ({ page }) => {
        if (entry.signedIn) await signIn(page);
        const response = await page.goto(entry.path());
        expect(response?.status(), `GET ${entry.path()}`).toBeLessThan(400);
        await page.waitForLoadState("networkidle");
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(scheme === "dark");
        expect(await blockingViolations(page)).toEqual([]);
      });
    }
  });
}

/** Whether the focused element shows a focus indicator (an outline or a ring drawn as a shadow). */
async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { described: "nothing", visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    const box = element.getBoundingClientRect();
    return {
      described: `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute("aria-label") ?? "").trim().slice(0, 40)}"`,
      visible: (outline || ring) && box.width > 0 && box.height > 0,
    };
  });
  expect(focus.visible, `focus indicator on ${focus.described}`).toBe(true);
}

/**
 * Presses Tab (checking each stop shows its focus) until `target` has the focus; Shift+Tab with
 * `backward`, for a control above the focus, as a person would reach it. Tab past the page's last
 * control leaves the page for the browser's own (no element has the focus then), so a walk that
 * went on forward to come round to the top would fail on a stop that is not the page's.
 */
async function tabTo(page: Page, target: Locator, { backward = false, maxStops = 80 } = {}) {
  for (let stop = 0; stop < maxStops; stop += 1) {
    await page.keyboard.press(backward ? "Shift+Tab" : "Tab");
    await expectVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`no ${backward ? "Shift+Tab" : "Tab"} stop reached ${target.toString()} within ${maxStops} presses`);
}

test("a keyboard alone signs in, opens a job, sorts, filters, opens a candidate, shares and revokes", async ({
  page,
}) => {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(E2E.admin.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(E2E.admin.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/jobs$/);
  // After each step to another page, the walk goes on once that page is there, as a person's
  // would: the URL changes as the loading outline shows, and it has nothing to focus (Tab
  // from it leaves the page for the browser's own controls).
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: JOB_TITLE }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/jobs/${seeded.jobId}`));
  await expect(page.getByRole("heading", { level: 1, name: JOB_TITLE })).toBeVisible();

  const table = page
    .getByRole("table")
    .filter({ has: page.getByRole("columnheader") })
    .last();
  const scoreHeader = table.getByRole("columnheader", { name: /score/i }).first();
  await tabTo(page, scoreHeader.getByRole("button"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=score/);
  await expect(scoreHeader).toHaveAttribute("aria-sort", /ascending|descending/);

  // The filters are above the table.
  const failedFilter = page.getByRole("group", { name: "Outcome" }).getByRole("link", { name: "Failed", exact: true });
  await tabTo(page, failedFilter, { backward: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/passed=no/);
  await expect(page.getByRole("link", { name: "Annie Easley" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Hopper" })).toHaveCount(0);

  // Back to everyone, then open Grace's result.
  await page.goto(`/jobs/${seeded.jobId}`);
  await tabTo(page, page.getByRole("link", { name: "Grace Hopper" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/candidates/${seeded.candidateId}`));
  await expect(page.getByRole("heading", { level: 1, name: "Grace Hopper" })).toBeVisible();

  const sharing = page.getByRole("region", { name: "Share links" });
  await tabTo(page, sharing.getByRole("button", { name: "Share report" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /^Share Grace Hopper/ });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Create link" }));
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Share link")).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  await tabTo(page, dialog.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  const active = sharing.locator("tr[data-share-link]").filter({ hasText: "active" }).first();
  // The confirmation is the browser's own dialog: Enter accepts it.
  page.once("dialog", (confirm) => void confirm.accept());
  await tabTo(page, active.getByRole("button", { name: /^Revoke the link/ }));
  await page.keyboard.press("Enter");
  await expect(sharing.locator("tr[data-share-link]").filter({ hasText: "revoked" }).first()).toBeVisible();
});

test("after a move to another page the keyboard starts from its main content; a sort keeps it where it was", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/jobs");
  await page.getByRole("link", { name: JOB_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: JOB_TITLE })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toBeFocused();
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page);
  expect(await main.evaluate((element) => element.contains(document.activeElement))).toBe(true);

  // The same page with another query (a sort) is not a move: the focus is not taken to the top.
  const sort = page.getByRole("columnheader", { name: /score/i }).first().getByRole("button");
  await sort.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=score/);
  await expect(main).not.toBeFocused();
});

test("pass, fail and integrity flags are said in words, not by colour alone", async ({ page }) => {
  await signIn(page);
  await page.goto(`/jobs/${seeded.jobId}`);
  const annie = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Annie Easley" }) });
  const grace = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Grace Hopper" }) });
  await expect(annie.getByText("Failed", { exact: true })).toBeVisible();
  await expect(grace.getByText("Passed", { exact: true })).toBeVisible();
  await expect(annie.getByText("flagged", { exact: true })).toBeVisible();
  await expect(grace.getByText(/completed/i)).toBeVisible();
});
