// The seed for this run's property tests: FC_SEED to replay a run, else a fresh one.
import { z } from "zod";

const seedSchema = z.coerce
  .number({ message: "FC_SEED must be an integer" })
  .int("FC_SEED must be an integer")
  .min(-(2 ** 31), "FC_SEED must fit in 32 bits")
  .max(2 ** 31 - 1, "FC_SEED must fit in 32 bits");

export function chooseFastCheckSeed(environment: NodeJS.ProcessEnv = process.env): number {
  const given = environment.FC_SEED?.trim();
  if (given) {
    const parsed = seedSchema.safeParse(given);
    if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message ?? "FC_SEED is invalid"} (got "${given}")`);
    return parsed.data;
  }
  return (Math.random() * 2 ** 32) | 0;
}
