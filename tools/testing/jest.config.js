module.exports = { ...require('../../jest.preset.js'), displayName: 'testing-tools', rootDir: __dirname };
