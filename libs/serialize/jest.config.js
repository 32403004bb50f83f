module.exports = { ...require('../../jest.preset.js'), displayName: 'serialize', rootDir: __dirname };
