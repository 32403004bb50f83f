module.exports = { ...require('../../jest.preset.js'), displayName: 'outbox-replay', rootDir: __dirname };
