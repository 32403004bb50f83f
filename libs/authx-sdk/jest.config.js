module.exports = { ...require('../../jest.preset.js'), displayName: 'authx-sdk', rootDir: __dirname };
