import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "./verify-webhook";

const SECRET = `whsec_${Buffer.from("verify-webhook-unit-test-secret").toString("base64")}`;
const NOW = new Date("2026-06-01T12:00:00Z");
const URL_PLAIN = new URL("http://hub.test/api/webhooks/assessment-engine");

/** Signs the bytes themselves, as a sender that never decodes its body would. */
function signBytes(id: string, at: Date, body: Uint8Array, secret = SECRET): Headers {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const mac = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64");
  return new Headers({ "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${mac}` });
}

function verify(body: Uint8Array, headers: Headers, options: { url?: URL; urlToken?: "accepted" | "refused" } = {}) {
  return verifyWebhook({
    secret: SECRET,
    body,
    headers,
    url: options.url ?? URL_PLAIN,
    urlToken: options.urlToken ?? "refused",
    now: NOW,
  });
}

describe("verifyWebhook: signatures over the bytes received", () => {
  it("agrees with the standardwebhooks signer on a UTF-8 body, under webhook-* and svix-* names", () => {
    const body = '{"event":"ae.test_instance.updated","name":"Zoë"}';
    const signature = new Webhook(SECRET).sign("msg_1", NOW, body);
    const timestamp = String(NOW.getTime() / 1000);
    const standard = new Headers({
      "webhook-id": "msg_1",
      "webhook-timestamp": timestamp,
      "webhook-signature": signature,
    });
    const svix = new Headers({ "svix-id": "msg_1", "svix-timestamp": timestamp, "svix-signature": signature });
    expect(verify(Buffer.from(body), standard)).toEqual({ ok: true, deliveryId: "msg_1", method: "signature" });
    expect(verify(Buffer.from(body), svix)).toEqual({ ok: true, deliveryId: "msg_1", method: "signature" });
  });

  it("tells apart bodies whose invalid UTF-8 would decode to the same text", () => {
    const signed = Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const forged = Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xfe]), Buffer.from('"}')]);
    // Both decode to the same U+FFFD text: a check over decoded text could not tell them apart.
    expect(forged.toString("utf8")).toBe(signed.toString("utf8"));
    const headers = signBytes("msg_bytes", NOW, signed);
    expect(verify(signed, headers)).toMatchObject({ ok: true });
    expect(verify(forged, headers)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no matching signature/),
    });
  });

  it("keeps a non-NFC body as sent: its NFC twin does not carry the same signature", () => {
    const decomposed = '{"name":"Rene\u0301e"}';
    const composed = decomposed.normalize("NFC");
    expect(composed).not.toBe(decomposed);
    const headers = signBytes("msg_nfd", NOW, Buffer.from(decomposed));
    expect(verify(Buffer.from(decomposed), headers)).toMatchObject({ ok: true });
    expect(verify(Buffer.from(composed), headers)).toMatchObject({ ok: false });
  });

  it("accepts one matching signature among several, and refuses timestamps more than 300 s off", () => {
    const body = Buffer.from("{}");
    const headers = signBytes("msg_rotation", NOW, body);
    headers.set("webhook-signature", `v1,bm90LXRoZS1zaWduYXR1cmU= ${headers.get("webhook-signature")}`);
    expect(verify(body, headers)).toMatchObject({ ok: true });

    const old = signBytes("msg_old", new Date(NOW.getTime() - 301_000), body);
    expect(verify(body, old)).toMatchObject({ ok: false, reason: expect.stringMatching(/too old/) });
    const ahead = signBytes("msg_ahead", new Date(NOW.getTime() + 301_000), body);
    expect(verify(body, ahead)).toMatchObject({ ok: false, reason: expect.stringMatching(/too new/) });
    const edge = signBytes("msg_edge", new Date(NOW.getTime() - 300_000), body);
    expect(verify(body, edge)).toMatchObject({ ok: true });
  });

  it("refuses a signature made with another secret, or a header without a v1 entry", () => {
    const body = Buffer.from("{}");
    const otherSecret = `whsec_${Buffer.from("someone else").toString("base64")}`;
    expect(verify(body, signBytes("msg_other", NOW, body, otherSecret))).toMatchObject({ ok: false });
    const noV1 = signBytes("msg_v2", NOW, body);
    noV1.set("webhook-signature", noV1.get("webhook-signature")!.replace("v1,", "v2,"));
    expect(verify(body, noV1)).toMatchObject({ ok: false, reason: expect.stringMatching(/no v1 signature/) });
  });
});

describe("verifyWebhook: the ?token= form", () => {
  const body = Buffer.from("{}");
  const withToken = (token: string) => new URL(`http://hub.test/api/webhooks/x?token=${encodeURIComponent(token)}`);

  it("where the endpoint accepts it, takes the right secret and refuses another", () => {
    expect(verify(body, new Headers(), { url: withToken(SECRET), urlToken: "accepted" })).toEqual({
      ok: true,
      deliveryId: null,
      method: "token",
    });
    expect(verify(body, new Headers(), { url: withToken("guess"), urlToken: "accepted" })).toMatchObject({
      ok: false,
    });
  });

  it("where the endpoint refuses it, refuses even the right secret, and a signed request carrying one", () => {
    const refused = verify(body, new Headers(), { url: withToken(SECRET), urlToken: "refused" });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/does not take \?token=/) });
    const signed = signBytes("msg_signed_and_token", NOW, body);
    expect(verify(body, signed, { url: withToken(SECRET), urlToken: "refused" })).toMatchObject({ ok: false });
  });

  it("names the token form in the missing-signature answer only where it is accepted", () => {
    const accepted = verify(body, new Headers(), { urlToken: "accepted" });
    const refused = verify(body, new Headers(), { urlToken: "refused" });
    expect(accepted).toMatchObject({ ok: false, reason: expect.stringContaining("?token=") });
    expect(refused).toMatchObject({ ok: false, reason: expect.not.stringContaining("?token=") });
  });
});
