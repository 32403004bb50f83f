module.exports = { ...require('../../jest.preset.js'), displayName: 'family-rules', rootDir: __dirname };
