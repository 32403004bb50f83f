module.exports = { ...require('../../jest.preset.js'), displayName: 'launch-tools', rootDir: __dirname };
