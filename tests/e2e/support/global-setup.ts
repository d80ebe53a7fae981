import { rmSync } from "node:fs";
import { E2E } from "./settings";

export default function globalSetup() {
  rmSync(E2E.dataDir, { recursive: true, force: true });
}
