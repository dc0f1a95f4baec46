// @ts-check
// `npm run mutation`: mutation testing of the pure rules in db/rules (rule book R1–R19).
// Not part of `npm test`: it runs the rule tests once per mutant. The machine has 2 shared
// cores, so at most 2 workers. Scores and equivalent mutants are explained in docs/mutation.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the fast tests that exercise db/rules (see vitest.stryker.config.ts).
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: ['db/rules/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Build output and artefacts are not needed to run the rule tests.
  ignorePatterns: ['dist-renderer', 'dist-electron', 'artifacts', 'release', 'bench/.cache', '.data', 'renderer', 'electron'],
  thresholds: { high: 90, low: 80, break: null },
};
