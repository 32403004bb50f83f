module.exports = { ...require('../../jest.preset.js'), displayName: 'smoke-tools', rootDir: __dirname };
