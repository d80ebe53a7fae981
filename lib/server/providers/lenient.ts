import "server-only";
// zod building blocks for providers whose documents disagree with their own samples: a field
// that is missing, null, or of the wrong type becomes null instead of failing the delivery.
// Only what identifies a delivery (ids, email, its time) is strict, with a clear message.
import { z } from "zod";
import { TranslationError } from "../domain/events";

/** Text, trimmed; empty, the string "null", or anything not text becomes null. */
export const looseText = z
  .unknown()
  .optional()
  .transform((value): string | null => {
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value !== "string") return null;
    const text = value.trim();
    return text === "" || text === "null" || text === "undefined" ? null : text;
  });

/** A number, or numeric text ("78"); anything else becomes null. */
export const looseNumber = z
  .unknown()
  .optional()
  .transform((value): number | null => {
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (typeof value === "string" && value.trim() !== "") {
      const parsed = Number(value);
      return Number.isFinite(parsed) ? parsed : null;
    }
    return null;
  });

export const looseBoolean = z
  .unknown()
  .optional()
  .transform((value): boolean | null => {
    if (typeof value === "boolean") return value;
    if (value === "true") return true;
    if (value === "false") return false;
    return null;
  });

/** An ISO date, or milliseconds since 1970; anything unreadable becomes null. */
export const looseDate = z
  .unknown()
  .optional()
  .transform((value): Date | null => {
    if (typeof value === "number" && Number.isFinite(value) && value > 0) return new Date(value);
    if (typeof value !== "string" || value.trim() === "") return null;
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  });

/** A date that must be there: ISO text or milliseconds since 1970. */
export const requiredDate = z
  .unknown()
  .optional()
  .transform((value, context): Date => {
    const date = typeof value === "string" || typeof value === "number" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "is missing or not a date" });
      return z.NEVER;
    }
    return date;
  });

/** An array whose unreadable items are dropped; anything but an array is empty. */
export function looseArray<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T>[] => {
      if (!Array.isArray(value)) return [];
      return value.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    });
}

/** An object, or null when the field holds anything else ("" stands for "none" in Testlify). */
export function looseObject<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T> | null => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    });
}

/** An identifier: text or a number, never empty. */
export const requiredId = z
  .union([z.string(), z.number()], { message: "is missing (expected an id)" })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, { message: "is empty (expected an id)" }));

export const requiredEmail = z
  .string({ message: "is missing (expected an email address)" })
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/, { message: "is not an email address" })
  .transform((value) => value.toLowerCase());

export { safeHttpUrl } from "../../shared/safe-url";

/** Parses with a schema, or throws a TranslationError naming every field that is wrong. */
export function parseOrExplain<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"} ${issue.message}`);
  throw new TranslationError(`${what}: ${problems.join("; ")}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
