module.exports = { ...require('../../jest.preset.js'), displayName: 'recommendation', rootDir: __dirname };
