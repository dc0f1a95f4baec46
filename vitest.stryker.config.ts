import { defineConfig } from 'vitest/config';

// Vitest for `npm run mutation` (Stryker on db/rules): only the fast tests that exercise the
// pure rules — unit tests in test/rules and the ledger tests that reach them through dispatch.
// No Chromium, no PDF, no bench: the machine is small and shared.
export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
