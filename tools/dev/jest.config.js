module.exports = { ...require('../../jest.preset.js'), displayName: 'dev-tools', rootDir: __dirname };
