module.exports = { ...require('../../jest.preset.js'), displayName: 'admin-studio', rootDir: __dirname };
