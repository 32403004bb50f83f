module.exports = { ...require('../../jest.preset.js'), displayName: 'authx', rootDir: __dirname };
