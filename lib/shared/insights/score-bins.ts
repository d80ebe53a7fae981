// Scores are drawn on one scale, percent of the maximum, in ten bins of ten points: providers
// score out of 10, 100 or anything else, and only percentages compare.

export const SCORE_BIN_COUNT = 10;
export const SCORE_BIN_WIDTH = 100 / SCORE_BIN_COUNT;

/** "0–9%", …, "90–100%": the top bin holds a full score. */
export function scoreBinLabel(bin: number): string {
  const from = bin * SCORE_BIN_WIDTH;
  return bin === SCORE_BIN_COUNT - 1 ? `${from}–100%` : `${from}–${from + SCORE_BIN_WIDTH - 1}%`;
}

// Time to complete, in minutes: upper bounds of each bin; the last is open.
export const DURATION_BIN_LIMITS_MINUTES = [15, 30, 45, 60, 90, 120] as const;
export const DURATION_BIN_COUNT = DURATION_BIN_LIMITS_MINUTES.length + 1;

export function durationBinLabel(bin: number): string {
  const limits = DURATION_BIN_LIMITS_MINUTES;
  if (bin === 0) return `under ${limits[0]} min`;
  if (bin >= limits.length) return `${limits[limits.length - 1]} min or more`;
  return `${limits[bin - 1]}–${limits[bin]} min`;
}

/**
 * The bin in which half the counted attempts are reached, or null without any: "half took
 * under 45 min" is then exactly true of the counts, with no row-level median needed.
 */
export function medianBin(counts: readonly number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [bin, count] of counts.entries()) {
    seen += count;
    if (seen * 2 >= total) return bin;
  }
  return counts.length - 1;
}
