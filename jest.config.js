/** Jest runs TypeScript through @swc/jest (legacy decorators + metadata, see .swcrc). */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: { '^@tiaojie/(.*)$': '<rootDir>/libs/$1/src' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  // content-disposition 3 (via @fastify/static 10) is ESM-only; jest on Node 20 needs it as CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
};

module.exports = {
  testTimeout: 180000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,src,scripts}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{libs,apps,src}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
