import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const generated = fileURLToPath(new URL("./generated", import.meta.url));
const emptyModule = fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      "@generated/": `${generated}/`,
      // `server-only` throws outside React Server Components; in tests every module is server code.
      "server-only": emptyModule,
    },
  },
  test: {
    environment: "node",
    include: ["{app,components,lib}/**/*.test.ts", "tests/**/*.test.ts", "emulators/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fast-check-seed.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
