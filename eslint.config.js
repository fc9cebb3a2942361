// ESLint flat config: JavaScript's and typescript-eslint's recommended rules on the app, its tests
// and scripts. Layer boundaries are checked by dependency-cruiser (.dependency-cruiser.cjs), formatting
// by Prettier; see docs/decisions/013-layers-enforced-by-lint.md.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".cache/",
      "app/generated/",
      "tests/.tmp/",
      "tests/lint-fixtures/",
      "test-results/",
      "playwright-report/",
      "bench-results/",
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      // An unused variable is a leftover; a leading underscore marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // `import type` keeps server types out of browser bundles and lets the boundary check see them.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.ts", "app/**/*.test.{ts,tsx}", "app/entry.server.tsx"],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The application code also gets the type-aware recommended rules (floating promises, `any` leaking
  // out of JSON.parse or cookies, …). Tests and scripts keep the syntactic set: `expect.any()` and
  // friends are `any` by design there.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({
    ...config,
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
  })),
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Remix answers with a thrown Response (`throw new Response(..., { status: 404 })`, `throw redirect(...)`).
      "@typescript-eslint/only-throw-error": [
        "error",
        {
          allow: [
            { from: "lib", name: "Response" },
            { from: "package", package: "@remix-run/server-runtime", name: "TypedResponse" },
          ],
        },
      ],
    },
  },
);
