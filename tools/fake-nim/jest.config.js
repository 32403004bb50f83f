module.exports = { ...require('../../jest.preset.js'), displayName: 'fake-nim', rootDir: __dirname };
