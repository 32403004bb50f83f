module.exports = { ...require('../../jest.preset.js'), displayName: 'playback', rootDir: __dirname };
