import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

// Mutation testing (`npm run test:mutation`; not part of `npm test`): StrykerJS mutates the core's facts and model
// (knowledge/, model/) and runs the fast tests that read them, one test file per process through the TAP runner
// (node:test prints TAP), and for each mutant only the test files that reached it. A run over both folders takes
// hours on two shared cores; MUTATE (files or globs, comma-separated) narrows it to a slice, MUTATION_TESTS picks
// the test files:
//   MUTATE=server/src/core/knowledge/hubbleMetrics.ts MUTATION_TESTS=test/core/hubbleMetrics.test.ts npm run test:mutation
const list = (name, fallback) => process.env[name]?.split(',').filter(Boolean) ?? fallback;

// Tests that read ../shared (the upstream charts, the key lists) look for it beside the repository root, which in
// Stryker's sandbox (.stryker-tmp/sandbox-*/) is .stryker-tmp itself: link it there. A second run at the same time
// (--tempDirName .stryker-tmp-b) needs the same link in its own folder.
const tempDirName = '.stryker-tmp';
if (existsSync('../shared')) {
  mkdirSync(tempDirName, { recursive: true });
  try {
    symlinkSync(resolve('../shared'), `${tempDirName}/shared`);
  } catch {
    // Already linked by an earlier run.
  }
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles: list('MUTATION_TESTS', [
      'test/core/hostRouting.test.ts',
      'test/core/masquerade.test.ts',
      'test/core/agentExits.test.ts',
      'test/core/hubbleMetrics.test.ts',
      'test/core/helmValues.test.ts',
      'test/core/keys.test.ts',
    ]),
    nodeArgs: ['--import', 'tsx'],
  },
  mutate: list('MUTATE', ['server/src/core/knowledge/**/*.ts', 'server/src/core/model/**/*.ts']),
  coverageAnalysis: 'perTest',
  // The machine's two cores are shared: one test process at a time.
  concurrency: 1,
  // tsx strips types without checking them, so Stryker's mutants need no type-check pass.
  disableTypeChecks: true,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName,
  cleanTempDir: 'always',
  // A mutant that makes a test file run far longer than in the dry run has made a loop: count it as detected.
  timeoutFactor: 3,
  timeoutMS: 20000,
};
