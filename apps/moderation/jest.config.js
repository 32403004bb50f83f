module.exports = { ...require('../../jest.preset.js'), displayName: 'moderation', rootDir: __dirname };
