import "server-only";
// Suppression entries hold a keyed HMAC of an erased person's normalised email: enough to
// recognise a later delivery about them, useless to anyone without the key (a plain or salted
// hash of an email is reversed by hashing a list of likely emails). The key is
// ERASURE_HMAC_KEY, or else derived from AUTH_SECRET under a label of its own, so the session
// key itself never doubles as this one.
import { createHmac, hkdfSync } from "node:crypto";
import type { Settings } from "../../config/settings";
import { normaliseEmail } from "../../shared/vocabulary";
import { authSecret } from "../auth/auth-secret";
import { env } from "../env";

const DERIVATION_LABEL = "assessment-hub/erasure-suppression/v1";

export interface ErasureKey {
  key: Buffer;
  /** A fingerprint that names the key without revealing it; stored with each entry. */
  id: string;
}

export function erasureKey(settings: Settings = env(), authSecretOf: (settings: Settings) => string = authSecret) {
  const key = settings.ERASURE_HMAC_KEY
    ? Buffer.from(settings.ERASURE_HMAC_KEY, "utf8")
    : Buffer.from(hkdfSync("sha256", authSecretOf(settings), Buffer.alloc(0), DERIVATION_LABEL, 32));
  const id = createHmac("sha256", key).update("key-id").digest("hex").slice(0, 16);
  return { key, id } satisfies ErasureKey;
}

export function emailHmac(email: string, key: ErasureKey): string {
  return createHmac("sha256", key.key).update(normaliseEmail(email), "utf8").digest("hex");
}
