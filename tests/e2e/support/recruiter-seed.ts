// Runs recruiter-seed-cli.ts against the e2e server's database (see there for why a child process).
import { execFileSync } from "node:child_process";
import { E2E } from "./settings";

export function seedRecruiterData(command: "journey" | "late-completion") {
  execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/e2e/support/recruiter-seed-cli.ts", command],
    {
      env: { ...process.env, DATABASE_URL: E2E.serverEnv.DATABASE_URL, LOG_LEVEL: "silent" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}
