/** intl-messageformat (and its @formatjs parts) ship ESM only: SWC compiles them to CommonJS for Jest like our own files. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'notification',
  rootDir: __dirname,
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/(intl-messageformat|@formatjs)|intl-messageformat|@formatjs)'],
};
