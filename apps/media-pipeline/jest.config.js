module.exports = { ...require('../../jest.preset.js'), displayName: 'media-pipeline', rootDir: __dirname };
