// Runs before every test file (vitest setupFiles): all property tests of a run share the
// seed global-setup.ts chose and printed, so FC_SEED=<seed> replays the same cases. A failing
// property also names the seed (and the path to the shrunk case) in its own error message.
import fc from "fast-check";
import { inject } from "vitest";

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: inject("fastCheckSeed") });
