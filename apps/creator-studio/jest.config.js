module.exports = { ...require('../../jest.preset.js'), displayName: 'creator-studio', rootDir: __dirname };
