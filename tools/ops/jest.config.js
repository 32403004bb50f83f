module.exports = { ...require('../../jest.preset.js'), displayName: 'ops-tools', rootDir: __dirname };
