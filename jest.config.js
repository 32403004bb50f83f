/** Root Jest config: runs every project's suite in one pass (`pnpm test`). */
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js', '<rootDir>/tools/*/jest.config.js'],
  globalSetup: '<rootDir>/tools/testing/global-setup.js',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.js',
  // Jest's default output plus the run's progress on every suite line and a heartbeat (tools/testing/progress-reporter.js).
  reporters: ['<rootDir>/tools/testing/progress-reporter.js', 'summary'],
};
