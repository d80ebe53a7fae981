// Idempotency-Key handling as documented: the first answer to a key is kept for 24 hours and
// replayed for the same request; the same key with a different request is refused; a 5xx
// answer is not kept, so a retry runs again.
import type { Answer } from "./http";
import { apiError } from "./http";

const KEEP_MS = 24 * 3_600_000;

type Entry = { fingerprint: string; storedAt: number; answer: Answer | "running" };

export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();

  /** Runs `execute` once per key; returns the kept answer for a repeat. */
  async run(scope: string, key: string, fingerprint: string, execute: () => Promise<Answer>): Promise<Answer> {
    if (key.length < 1 || key.length > 255) {
      return apiError(422, "validation_failed", "Idempotency-Key must be 1–255 characters");
    }
    const id = `${scope}\n${key}`;
    const existing = this.entries.get(id);
    if (existing && Date.now() - existing.storedAt < KEEP_MS) {
      if (existing.fingerprint !== fingerprint) {
        return apiError(422, "idempotency_key_reused", "this Idempotency-Key was used with a different request");
      }
      if (existing.answer === "running") {
        return apiError(
          409,
          "idempotency_request_in_progress",
          "a request with this Idempotency-Key is still running; retry shortly",
        );
      }
      return { ...existing.answer, headers: { ...existing.answer.headers, "idempotent-replayed": "true" } };
    }
    this.entries.set(id, { fingerprint, storedAt: Date.now(), answer: "running" });
    try {
      const answer = await execute();
      if (answer.status >= 500) this.entries.delete(id);
      else this.entries.set(id, { fingerprint, storedAt: Date.now(), answer });
      return answer;
    } catch (error) {
      this.entries.delete(id);
      throw error;
    }
  }
}
