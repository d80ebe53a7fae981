// Formatting shared by the recruiter pages. Times of day are written by lib/shared/date-time.ts
// in the viewer's zone; dates here are whole UTC days (week buckets computed in UTC).
import { PROVIDER_LABELS, isProviderId } from "@/lib/shared/vocabulary";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

export function formatDate(value: Date | string | null | undefined): string {
  return value ? DATE.format(new Date(value)) : "—";
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : NUMBER.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value)}%`;
}

export function formatScore(score: number | null | undefined, maxScore: number | null | undefined): string {
  if (score === null || score === undefined) return "—";
  return maxScore ? `${NUMBER.format(score)} / ${NUMBER.format(maxScore)}` : NUMBER.format(score);
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return `${seconds} s`;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function providerLabel(provider: string): string {
  return isProviderId(provider) ? PROVIDER_LABELS[provider] : provider;
}

export function statusLabel(status: string): string {
  const text = status.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { safeHttpUrl } from "@/lib/shared/safe-url";
