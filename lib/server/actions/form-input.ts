import "server-only";
import { z } from "zod";

/**
 * An input schema for a submitted <form>: the FormData becomes an object before `schema` checks
 * it. Fields named in `lists` keep every value (checkboxes sharing a name), the others their one
 * value; a missing field is left out. Plain objects pass straight to `schema`.
 */
export function formInput<Schema extends z.ZodType>(schema: Schema, { lists = [] }: { lists?: string[] } = {}) {
  return z.preprocess((value) => (value instanceof FormData ? formObject(value, lists) : value), schema);
}

function formObject(form: FormData, lists: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) fields[key] = lists.includes(key) ? form.getAll(key) : form.get(key);
  for (const key of lists) fields[key] ??= [];
  return fields;
}
