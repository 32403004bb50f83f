module.exports = { ...require('../../jest.preset.js'), displayName: 'edge-auth', rootDir: __dirname };
