import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { noServerImportInClient } from "./eslint-rules/no-server-import-in-client.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    plugins: { hub: { rules: { "no-server-import-in-client": noServerImportInClient } } },
    rules: {
      "hub/no-server-import-in-client": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Tests poke at provider JSON fixtures whose shape the test itself asserts.
    files: ["**/*.test.ts", "tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  globalIgnores([".next*/**", "generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
