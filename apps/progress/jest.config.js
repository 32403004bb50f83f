module.exports = { ...require('../../jest.preset.js'), displayName: 'progress', rootDir: __dirname };
