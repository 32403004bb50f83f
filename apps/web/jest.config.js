/** The web app's Jest project: message-file checks (test/) and the browser suite (e2e/, one `build:cloudflare` per run). */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
  // the OpenNext build leaves a standalone copy of the app (its own package.json) in .next/ and .open-next/
  modulePathIgnorePatterns: ['<rootDir>/.next/', '<rootDir>/.open-next/'],
};
