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
  // No dependency is ESM-only behind a require() any more (content-disposition and cookie are held
  // to their CommonJS releases by package.json's overrides): node_modules is not transformed.
  transform: { '^.+\\.ts$': swc },
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
