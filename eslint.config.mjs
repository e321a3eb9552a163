// ESLint 9 flat config (npm run lint; part of npm test, before jest). Over src, test, bench, scripts.
//
// Kept: eslint's and typescript-eslint's "recommended" sets (no type information: linting stays a
// few seconds on this 2-core machine; tsc --noEmit already does the type checking), which catch real
// mistakes (unused variables, unreachable code, duplicate keys, `{}`-typed values, empty blocks,
// misplaced `this` aliases, prefer-const, ...). Changed on purpose:
// - no-unused-vars: a leading underscore marks a deliberately unused name (destructuring away a key,
//   a callback's unused argument), as the code already does.
// - no-explicit-any: an error in src/, bench/, scripts/ (the port types are exact); allowed in test/,
//   where tests read JSON output whose shape they then assert and the Excel fake implements a
//   dynamic slice of Office.js.
// - no-require-imports: off for the CommonJS scripts (scripts/, webpack.config.js, bin/) and
//   bench.ts's child scripts; our TypeScript uses import.
// - no-empty with allowEmptyCatch: `catch { /* Office not initialised */ }` is how the adapters say
//   "this probe may fail"; an empty block elsewhere is still an error.
// - no-unused-expressions off: `(batch.write(), range.x = y)` (count an Office.js operation, then
//   queue it) is the adapters' idiom, a sequence the rule cannot tell from a forgotten call; tsc
//   and the tests catch the real case (a value computed and dropped).
// - react-hooks: rules-of-hooks (an error: a hook called conditionally breaks React's state) and
//   exhaustive-deps (a warning, because the pane deliberately leaves some dependencies out and
//   says so with a disable comment at each place).
// - test/ also: no-this-alias off (the Excel fake's inner objects keep `const fake = this` on purpose),
//   no-require-imports off (tests load the CommonJS scripts/ modules with require).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const nodeGlobals = {
  require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", __filename: "readonly",
  console: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly",
  clearInterval: "readonly", setImmediate: "readonly", URL: "readonly", TextDecoder: "readonly", TextEncoder: "readonly",
  exports: "writable", globalThis: "readonly", AbortController: "readonly", fetch: "readonly",
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "out/", "artifacts/", ".jest-cache/", "coverage/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  {
    files: ["src/taskpane/**", "src/preview/**", "test/taskpane/**"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["test/**"],
    rules: { "@typescript-eslint/no-this-alias": "off", "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: nodeGlobals, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["eslint.config.mjs"], languageOptions: { sourceType: "module" } },
  {
    // runs inline in the task pane before the bundle, also in IE11: ES5 only, browser globals
    files: ["src/taskpane/engine-check.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { window: "readonly", document: "readonly" } },
  },
);
