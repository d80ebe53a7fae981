import "server-only";
// The grading band an attempt's score falls in, from its assessment's bands. Resolved where
// events are applied rather than in the adapter: a provider's candidate event does not carry
// the bands (Testlify sends them only with the assessment), and the label is kept in a column
// so lists can show and filter it without recomputing.
import { z } from "zod";
import type { Tx } from "../db";
import type { GradingBand } from "../domain/events";

const storedBandsSchema = z.array(z.object({ name: z.string(), min: z.number(), max: z.number() }));

/** Bands as stored on the assessment (JSON), or null when there are none usable. */
export function parseBands(value: unknown): GradingBand[] | null {
  const parsed = storedBandsSchema.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

/**
 * Bands are ranges of the percentage score. Providers write them with integer edges
 * (0–25, 26–40, …), so a score between two bands (25.5) belongs to the lower one: the band
 * is the highest one whose minimum the score reaches.
 */
export function bandFor(
  bands: GradingBand[] | null,
  score: number | null | undefined,
  maxScore: number | null | undefined,
): string | null {
  if (!bands || score === null || score === undefined) return null;
  const percentage = maxScore ? (score / maxScore) * 100 : score;
  const reached = [...bands].sort((a, b) => a.min - b.min).filter((band) => percentage >= band.min);
  return reached.at(-1)?.name ?? null;
}

/** After an assessment's bands change: relabel its scored attempts, one statement per band. */
export async function relabelAttempts(tx: Tx, assessmentId: string, bands: GradingBand[] | null) {
  const scored = await tx.attempt.findMany({
    where: { assessmentId, score: { not: null } },
    select: { id: true, score: true, maxScore: true, gradingBand: true },
  });
  const idsByBand = new Map<string | null, string[]>();
  for (const attempt of scored) {
    const band = bandFor(bands, attempt.score, attempt.maxScore);
    if (band === attempt.gradingBand) continue;
    idsByBand.set(band, [...(idsByBand.get(band) ?? []), attempt.id]);
  }
  for (const [band, ids] of idsByBand) {
    for (let start = 0; start < ids.length; start += 500) {
      await tx.attempt.updateMany({
        where: { id: { in: ids.slice(start, start + 500) } },
        data: { gradingBand: band },
      });
    }
  }
}
