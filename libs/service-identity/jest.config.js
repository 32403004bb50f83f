module.exports = { ...require('../../jest.preset.js'), displayName: 'service-identity', rootDir: __dirname };
