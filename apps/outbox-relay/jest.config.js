module.exports = { ...require('../../jest.preset.js'), displayName: 'outbox-relay', rootDir: __dirname };
