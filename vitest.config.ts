import { defineConfig } from 'vitest/config';

/**
 * Two projects, run one after the other (`sequence.groupOrder`): first every unit and database test
 * on two workers, then the browser tests on one. A browser test is a server, its database and a
 * Chromium in one worker; sharing two cores with database tests (or with each other) starved
 * Ant Design's dialogs mid-animation and failed `npm test` under load (issue #11 §7). One `vitest
 * run` still gives one report, so `.ci/run`'s JSON counts cover both.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit+db',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
