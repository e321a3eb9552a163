/** @type {import('jest').Config} */
module.exports = {
  // node by default; component tests say `@jest-environment jsdom` in their docblock
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // the browser end-to-end test runs from its own script (npm run test:e2e)
  testPathIgnorePatterns: ["/node_modules/", "\\.e2e\\.test\\.ts$"],
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies jest cannot require
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "\\.(css|svg|png)$": "<rootDir>/test/fakes/asset-stub.js",
  },
  cacheDirectory: "<rootDir>/.jest-cache",
  testTimeout: 60000,
};
