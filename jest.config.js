// One jest run, two projects: unit tests beside the code, e2e tests against real PostgreSQL.
// ESM TypeScript compiled by @swc/jest (type-checking is `npm run typecheck`'s job).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': swc,
    // content-disposition@3 (via @fastify/static) and cookie@1 (via light-my-request, fastify's
    // inject) are ESM-only; jest on Node < 24.9 cannot require(esm), so they are made CommonJS.
    'node_modules/.+\\.js$': ['@swc/jest', {}],
  },
  transformIgnorePatterns: ['node_modules/(?!(.*/)?(content-disposition|cookie)/)'],
  setupFiles: ['reflect-metadata'],
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
    },
  ],
  testTimeout: 60000,
};
