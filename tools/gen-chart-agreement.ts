// Writes docs/chart-agreement.md: how closely our chart renderer agrees with the real Helm 4, per chart version
// (keys compared and equal, install verdicts compared and equal), measured by the differential test's own code
// (test/chart/helmAgreement.ts) on its default plan. Needs ../shared (charts and corpus) and the Helm binary of
// the dev dependency, like the test; Helm outcomes are cached, so a second run takes seconds.
//
//   npm run gen:chart-agreement
//
// test/chart/helmDiff.test.ts fails when the committed page does not hold the figures it measures.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { agreementMarkdown, agreementTable, measureAgreement } from '../test/chart/helmAgreement';
import { findRepoRoot } from './repoRoot';

export const AGREEMENT_DOC = path.join(findRepoRoot(), 'docs/chart-agreement.md');

async function main(): Promise<void> {
  if (process.env.CHART_DIFF_RANDOM)
    throw new Error('gen-chart-agreement: unset CHART_DIFF_RANDOM; the page keeps the figures of the default plan.');
  const a = await measureAgreement();
  console.log(agreementTable(a));
  if (a.problems.length > 0) {
    console.error(
      `${a.problems.length} disagreements with Helm; the page is written anyway, fix them:\n${a.problems.slice(0, 20).join('\n')}`,
    );
    process.exitCode = 1;
  }
  writeFileSync(AGREEMENT_DOC, agreementMarkdown(a));
  console.log(`wrote ${path.relative(process.cwd(), AGREEMENT_DOC)}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
