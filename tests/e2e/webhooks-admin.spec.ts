// The admin's webhook pages: each endpoint's URL and a signed test event, then the event log
// with a delivery the app could not use — its raw body and error shown as text, and replay.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { E2E } from "./support/settings";
import { signIn } from "./support/sign-in";

async function pushSigned(
  request: APIRequestContext,
  path: string,
  secret: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const id = `msg_e2e_${randomBytes(6).toString("hex")}`;
  const text = JSON.stringify(body);
  const now = new Date();
  return request.post(path, {
    data: text,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, now, text),
      ...headers,
    },
  });
}

test("the webhooks page gives each URL without the secret, and a signed test event goes through", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/webhooks");
  await expect(page.getByLabel("Testlify webhook URL")).toHaveValue(`${E2E.baseUrl}/api/webhooks/testlify`);
  await expect(page.getByLabel("Assessment engine webhook URL")).toHaveValue(
    `${E2E.baseUrl}/api/webhooks/assessment-engine`,
  );
  await expect(page.getByText("?token=<your secret>")).toBeVisible();
  await expect(page.getByText("set (never shown)").first()).toBeVisible();

  await page.getByRole("button", { name: "Send test event to the Testlify endpoint" }).click();
  const result = page.getByRole("status").filter({ hasText: "HTTP" });
  await expect(result).toContainText("HTTP 200 (accepted); delivery processed.");
  await result.getByRole("link", { name: "Open the delivery in the event log" }).click();
  await expect(page.getByRole("heading", { name: /Delivery/ })).toContainText("Processed");
  await expect(page.getByTestId("raw-body")).toContainText('"email": "test.candidate@example.com"');

  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Send test event to the Assessment engine endpoint" }).click();
  await expect(page.getByRole("status").filter({ hasText: "HTTP" })).toContainText(
    "HTTP 200 (accepted); delivery processed.",
  );
});

test("the event log shows what could not be used, as text, and replays it with the outcome", async ({
  page,
  request,
}) => {
  const unknown = await pushSigned(request, "/api/webhooks/assessment-engine", E2E.webhooks.engineSecret, {
    event: "ae.session.scheduled",
    data: { note: "<script>window.__pwned = true</script>" },
  });
  expect(unknown.status()).toBe(202);
  const broken = await pushSigned(request, "/api/webhooks/testlify", E2E.webhooks.testlifySecret, {
    type: "candidate",
    event: "completed",
    timestamp: Date.now(),
    data: { candidateStatus: "COMPLETED", assessmentId: "e2e-assessment", firstName: "<img src=x onerror=alert(1)>" },
  });
  expect(broken.status()).toBe(200);

  await signIn(page);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto("/settings/events?provider=assessment-engine&status=unrecognised");
  const unknownRow = page.locator("tr", { hasText: "ae.session.scheduled" });
  await expect(unknownRow).toBeVisible();
  await unknownRow.getByRole("link", { name: "Open" }).click();
  await expect(page.getByText(/unknown engine event "ae\.session\.scheduled"/)).toBeVisible();
  await expect(page.getByTestId("raw-body")).toContainText("<script>window.__pwned = true</script>");
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();

  await page.goto("/settings/events?status=failed&provider=testlify");
  const brokenRow = page.locator("tr", { hasText: "candidate.completed" }).first();
  await expect(brokenRow).toContainText("email is missing");

  await page.goto("/settings/events");
  await page.locator("tr", { hasText: "ae.session.scheduled" }).getByRole("checkbox").check();
  await page.locator("tr", { hasText: "email is missing" }).first().getByRole("checkbox").check();
  await page.getByRole("button", { name: "Replay selected" }).click();
  const outcome = page.getByRole("alert").filter({ hasText: "Replayed" });
  await expect(outcome).toContainText("Replayed 2 deliveries: ");
  await expect(outcome).toContainText("1 unrecognised");
  await expect(outcome).toContainText("1 failed");
  expect(dialogs).toBe(0);
});
