import { defineConfig } from 'vitest/config';

// Vitest for `npm run mutation` (Stryker on db/rules): only the fast tests that exercise the
// pure rules: the unit tests in test/rules, and test/ledger/stats.test.ts, where the pure
// statistics of db/rules/stats.ts are tested. The other ledger tests reach the rules through
// dispatch too, but take seconds each and would multiply the run time (docs/mutation.md).
// No Chromium, no PDF, no bench: the machine is small and shared.
export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/ledger/stats.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
