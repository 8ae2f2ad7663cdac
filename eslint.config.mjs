// The walls of the house (CONTRIBUTING.md): who may import whom (Nx module boundaries, by project
// tags), which entry point workflow code may load, where SQL may live. Formatting is Prettier's job.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.wf-spec.ts', '**/test/**'];
const SERVER_ONLY = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  'nestjs-pino',
  'pino',
  'pino-http',
  'prom-client',
];
const LIBS = [
  'type:contracts',
  'type:domain',
  'type:platform',
  'type:workflows',
  'type:portfolio',
  'type:testing',
  'type:local-infra',
];

const dataAccessRule = 'SQL lives in *.repository.ts files (CONTRIBUTING.md, "Data access")';

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.banjie/**',
      '.nx/**',
      'infra/docker/**',
      'infra/kafka/**',
      'infra/temporal/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...SERVER_ONLY, '@temporalio/*', 'chinese-days', 'tyme4ts'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: [...SERVER_ONLY, '@temporalio/*'],
            },
            {
              sourceTag: 'type:workflows',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing', 'type:platform'],
              bannedExternalImports: [...SERVER_ONLY, 'chinese-days', 'tyme4ts'],
            },
            {
              sourceTag: 'type:portfolio',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
              bannedExternalImports: [...SERVER_ONLY, '@temporalio/*'],
            },
            { sourceTag: 'type:local-infra', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:launcher', onlyDependOnLibsWithTags: ['type:local-infra', 'type:platform'] },
            {
              sourceTag: 'type:platform',
              // Tests only: production code is kept from the harness by no-restricted-imports below.
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: [
                'type:local-infra',
                'type:platform',
                'type:contracts',
                'type:domain',
                'type:workflows',
                'type:portfolio',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:domain',
                'type:platform',
                'type:workflows',
                'type:testing',
              ],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: LIBS },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [...LIBS, 'type:launcher'] },
          ],
        },
      ],
    },
  },
  {
    // Production code never loads the test harness (tests may: Nx tags cannot tell them apart).
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [...TEST_FILES, 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@banjie/testing', message: 'production code never imports the test harness' }] },
      ],
    },
  },
  {
    // One way to reach the database: typed raw SQL in repositories (CONTRIBUTING.md, "Data access").
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [
      ...TEST_FILES,
      '**/*.repository.ts',
      '**/*.migration.ts',
      '**/migrations/**',
      'libs/platform/src/database/**',
      'libs/local-infra/**',
      'libs/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'Repository', 'QueryRunner'],
              message: dataAccessRule,
            },
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectRepository', 'InjectDataSource'],
              message: dataAccessRule,
            },
            { name: 'pg', message: dataAccessRule },
            { name: '@banjie/testing', message: 'production code never imports the test harness' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='query'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
          message: dataAccessRule,
        },
        {
          selector: 'CallExpression[callee.property.name=/^(createQueryBuilder|getRepository|transaction)$/]',
          message: `${dataAccessRule}; transactions open through Transactions.run`,
        },
        { selector: "Decorator[expression.callee.name='Entity']", message: dataAccessRule },
      ],
    },
  },
  {
    // Workflow code is bundled into Temporal's deterministic sandbox: only the entry points made for it.
    // (Last: it replaces the lists above for these files.)
    files: ['libs/workflows/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@banjie/domain',
              message:
                'workflow code imports @banjie/domain/workflow-safe (the full barrel loads holiday data)',
            },
            {
              name: '@banjie/contracts',
              allowTypeImports: true,
              message:
                'workflow code imports @banjie/contracts/enums (the event schemas cost ~1 MB per workflow)',
            },
            { name: '@banjie/platform', message: 'workflow code never loads the service platform' },
            { name: '@banjie/testing', message: 'production code never imports the test harness' },
          ],
        },
      ],
    },
  },
];
