// The demo wiring: start() hands the app settings it accepts, and once the app is up the
// emulator sends it signed webhooks for the seeded interviews.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect, it } from "vitest";
import { parseSettings } from "../../lib/config/settings";
import { videoDemoService } from "./demo-service";

it("starts with fresh credentials the app accepts, then sends signed webhooks to the app", async () => {
  const bodies: { headers: Record<string, string>; body: string }[] = [];
  const app = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      bodies.push({ headers: request.headers as Record<string, string>, body });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const service = videoDemoService({ port: 0, stepMs: 5 });
  try {
    const settings = await service.start();
    expect(Object.keys(settings).sort()).toEqual(["VIDEO_API_KEY", "VIDEO_API_URL", "VIDEO_WEBHOOK_SECRET"]);
    expect(parseSettings(settings)).toMatchObject(settings);
    const account = await fetch(`${settings.VIDEO_API_URL}/v1/account`, {
      headers: { authorization: `Bearer ${settings.VIDEO_API_KEY}` },
    });
    expect(account.status).toBe(200);

    await service.afterAppReady!(`http://127.0.0.1:${(app.address() as AddressInfo).port}`);
    await expect.poll(() => bodies.length).toBeGreaterThan(3);
    const verifier = new Webhook(settings.VIDEO_WEBHOOK_SECRET!);
    for (const delivery of bodies) expect(verifier.verify(delivery.body, delivery.headers)).toHaveProperty("type");
  } finally {
    await service.stop();
    await new Promise((resolve) => app.close(resolve));
  }
});
