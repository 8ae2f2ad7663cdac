// Three kinds of tests, run by `npm test` in this order:
//  unit        *.spec.ts        pure rules, no infrastructure, in parallel
//  workflows   *.wf-spec.ts     Temporal time-skipping environment (Java test server), serially
//  integration *.int-spec.ts    real PostgreSQL, Kafka and Temporal started by libs/testing, serially
const preset = require('./jest.preset.js');

module.exports = {
  projects: [
    { ...preset, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,tools}/**/*.spec.ts'] },
    {
      ...preset,
      displayName: 'workflows',
      testMatch: ['<rootDir>/{apps,libs,scripts,tools}/**/*.wf-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/workflow-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/slow-machine-timeout.ts'],
    },
    {
      ...preset,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/slow-machine-timeout.ts'],
      globalSetup: '<rootDir>/libs/testing/src/integration-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/integration-global-teardown.ts',
    },
  ],
};
