module.exports = { ...require('../../jest.preset.js'), displayName: 'service-client', rootDir: __dirname };
