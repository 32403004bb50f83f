/** The web app's Jest project: message-file checks (test/) and the browser suite (e2e/, one `next build` per run). */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
};
