// The agreement of our renderer with the real Helm 4, measured: for every chart version we ship and every input
// of the differential plan (the corpus's real values files and the seeded random ones), `helm template` and
// renderChart are run on the same values and compared — the cilium-config data key for key and byte for byte,
// and the install verdict (renders / schema refuses / a template stops / values unreadable) with the failing
// template and the chart's own message. Used by test/chart/helmDiff.test.ts (which asserts full agreement and
// that docs/chart-agreement.md holds the figures of the run) and by tools/gen-chart-agreement.ts (which writes
// that page).
import { createHash } from 'node:crypto';
import { renderChart, ValuesReadError, type ChartRender } from '../../server/src/core/chart/helm/render';
import { diffPlan, RANDOM_PER_VERSION } from './diffPlan';
import { runHelmJobs, type HelmOutcome } from './helmRunner';
import { NEWEST_VERSION, OLDEST_VERSION } from '../../server/src/core/version';

export type InputPart = 'corpus' | 'random';

/** The figures of one version and one part of the inputs. */
export interface Tally {
  inputs: number;
  /** Inputs whose values Helm (or we) could not read: compared on the verdict only. */
  valuesUnreadable: number;
  keysCompared: number;
  keysEqual: number;
  verdictsCompared: number;
  verdictsEqual: number;
  failMessagesCompared: number;
  failMessagesEqual: number;
}

export interface Agreement {
  randomPerVersion: number;
  /** version → part → figures, versions in the order we ship them. */
  tallies: Map<string, Record<InputPart, Tally>>;
  /** Every disagreement, in words. */
  problems: string[];
  /** Corpus files left out of the comparison, with why. */
  skipped: { name: string; why: string }[];
  /** A digest of the corpus inputs (names and values texts): which corpus the figures were measured on. */
  corpusDigest: string;
}

type Verdict = 'ok' | 'schema' | 'exec' | 'values';

function ourVerdict(r: ChartRender | 'values'): Verdict {
  if (r === 'values') return 'values';
  if (r.schemaErrors.length > 0) return 'schema';
  if (r.failures.length > 0) return 'exec';
  return 'ok';
}

const emptyTally = (): Tally => ({
  inputs: 0,
  valuesUnreadable: 0,
  keysCompared: 0,
  keysEqual: 0,
  verdictsCompared: 0,
  verdictsEqual: 0,
  failMessagesCompared: 0,
  failMessagesEqual: 0,
});

/** Runs Helm (cached outcomes) and our renderer on the whole plan and compares them. */
export async function measureAgreement(): Promise<Agreement> {
  const plan = diffPlan();
  const jobs = plan.versions.flatMap((v) =>
    v.inputs.map((i) => ({ version: v.version, valuesText: i.valuesText, name: i.name, part: i.part })),
  );
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
  const tallies = new Map<string, Record<InputPart, Tally>>();
  jobs.forEach((job, n) => {
    const h: HelmOutcome = helm[n]!;
    let byPart = tallies.get(job.version);
    if (!byPart) tallies.set(job.version, (byPart = { corpus: emptyTally(), random: emptyTally() }));
    const t = byPart[job.part];
    t.inputs++;
    t.verdictsCompared++;
    const run = ourRuns[n]!;
    const where = `${job.version} ${job.name}`;
    if (run instanceof Error) {
      problems.push(`${where}: renderChart threw ${run.stack ?? run.message}`);
      return;
    }
    const ours: ChartRender | 'values' = run;
    if (h.verdict === 'values' || ours === 'values') t.valuesUnreadable++;
    const ov = ourVerdict(ours);
    if (h.verdict === 'other') {
      problems.push(`${where}: Helm failed in a way the test does not know: ${h.stderr.slice(0, 300)}`);
      return;
    }
    if (ov !== h.verdict) {
      const ourText =
        ours === 'values'
          ? 'unreadable values'
          : ov === 'schema'
            ? ours.schemaErrors.map((e) => e.pointer).join(',')
            : ov === 'exec'
              ? `${ours.failures[0]!.template}: ${ours.failures[0]!.detail}`
              : 'renders';
      problems.push(
        `${where}: Helm ${h.verdict} (${(h.failMessage ?? h.schemaPointers?.join(',') ?? h.stderr).slice(0, 300)}), ours ${ov} (${ourText.slice(0, 300)})`,
      );
      return;
    }
    if (ours === 'values') {
      t.verdictsEqual++;
      return;
    }
    if (ov === 'schema') {
      const ptrs = [...new Set(ours.schemaErrors.map((e) => e.pointer))].sort();
      if (JSON.stringify(ptrs) === JSON.stringify(h.schemaPointers)) t.verdictsEqual++;
      else problems.push(`${where}: schema errors on ${ptrs.join(',')}, Helm on ${h.schemaPointers?.join(',')}`);
      return;
    }
    if (ov === 'exec') {
      const first = ours.failures[0]!;
      let same = first.template === h.template;
      if (!same) problems.push(`${where}: first failure in ${first.template}, Helm's in ${h.template}`);
      if (h.failMessage !== undefined) {
        t.failMessagesCompared++;
        if (first.message === h.failMessage) t.failMessagesEqual++;
        else {
          same = false;
          problems.push(`${where}: fail message differs:\n  ours: ${first.message}\n  helm: ${h.failMessage}`);
        }
      }
      if (same) t.verdictsEqual++;
      return;
    }
    t.verdictsEqual++;
    const ourData = ours.configMap;
    if (!ourData || !h.data) {
      problems.push(`${where}: cilium-config missing (ours ${!!ourData}, Helm ${!!h.data})`);
      return;
    }
    for (const k of new Set([...ourData.keys(), ...Object.keys(h.data)])) {
      t.keysCompared++;
      const a = ourData.get(k)?.value;
      const b = h.data[k];
      if (a === b) t.keysEqual++;
      else problems.push(`${where}: ${k}: ours ${JSON.stringify(a)}, Helm ${JSON.stringify(b)}`);
    }
  });
  return {
    randomPerVersion: RANDOM_PER_VERSION,
    tallies,
    problems,
    skipped: plan.skipped,
    corpusDigest: corpusDigest(plan),
  };
}

/** Both parts added up. */
export function total(byPart: Record<InputPart, Tally>): Tally {
  const out = emptyTally();
  for (const t of [byPart.corpus, byPart.random]) for (const k of Object.keys(out) as (keyof Tally)[]) out[k] += t[k];
  return out;
}

function pct(a: number, b: number): string {
  if (b === 0) return '–';
  const p = (100 * a) / b;
  return `${p === 100 || p === 0 ? p.toFixed(0) : p.toFixed(2)} %`;
}

/** The figures as a plain-text table (the test prints it). */
export function agreementTable(a: Agreement): string {
  const head = 'version  part    inputs  unreadable  keys compared  keys equal  verdicts equal  fail messages equal';
  const rows: string[] = [head];
  for (const [v, byPart] of a.tallies) {
    for (const [part, t] of [
      ['corpus', byPart.corpus],
      ['random', byPart.random],
      ['total', total(byPart)],
    ] as const) {
      rows.push(
        `${v.padEnd(7)}  ${part.padEnd(6)}  ${String(t.inputs).padStart(6)}  ${String(t.valuesUnreadable).padStart(10)}  ${String(t.keysCompared).padStart(13)}  ${String(t.keysEqual).padStart(10)}  ${`${t.verdictsEqual}/${t.verdictsCompared}`.padStart(14)}  ${`${t.failMessagesEqual}/${t.failMessagesCompared}`.padStart(19)}`,
      );
    }
  }
  return rows.join('\n');
}

/** docs/chart-agreement.md: the figures of a run with the default plan, and what the engine does not do as Helm. */
/** ../shared/corpus/real may grow; the page names the corpus it was measured on so a test can tell. */
function corpusDigest(plan: ReturnType<typeof diffPlan>): string {
  const h = createHash('sha256');
  for (const i of plan.versions[0]?.inputs ?? [])
    if (i.part === 'corpus') h.update(`${i.name}\u0000${i.valuesText}\u0000`);
  for (const s of plan.skipped) h.update(`${s.name}\u0000${s.why}\u0000`);
  return h.digest('hex').slice(0, 16);
}

const DIGEST_LINE = /^<!-- corpus digest: ([0-9a-f]+) -->$/m;

/** The corpus digest a generated page was measured on, or undefined. */
export function pageCorpusDigest(page: string): string | undefined {
  return DIGEST_LINE.exec(page)?.[1];
}

export function agreementMarkdown(a: Agreement): string {
  const rows = [...a.tallies].map(([v, byPart]) => {
    const c = byPart.corpus;
    const r = byPart.random;
    const t = total(byPart);
    return `| ${v} | ${c.inputs} + ${r.inputs} | ${t.keysCompared} | ${t.keysEqual} (${pct(t.keysEqual, t.keysCompared)}) | ${t.verdictsCompared} | ${t.verdictsEqual} (${pct(t.verdictsEqual, t.verdictsCompared)}) | ${t.failMessagesEqual}/${t.failMessagesCompared} | ${c.keysEqual}/${c.keysCompared} | ${r.keysEqual}/${r.keysCompared} |`;
  });
  const all = [...a.tallies.values()].map(total);
  const sum = (k: keyof Tally) => all.reduce((n, t) => n + t[k], 0);
  const why = new Map<string, string[]>();
  for (const s of a.skipped) why.set(s.why, [...(why.get(s.why) ?? []), `\`${s.name}\``]);
  const skipped =
    why.size > 0 ? [...why].map(([reason, names]) => `- ${reason}: ${names.join(', ')}`).join('\n') : '- none';
  return `<!-- Generated by \`npm run gen:chart-agreement\` (tools/gen-chart-agreement.ts) from the differential test's run; test/chart/helmDiff.test.ts fails when these figures are not the ones it measures. Do not edit by hand. -->
<!-- corpus digest: ${a.corpusDigest} -->
# How closely the built-in chart renderer agrees with Helm

Cilium Config renders the real Cilium chart in process (a Go \`text/template\` engine and Helm's layer in
TypeScript, \`server/src/core/chart/\`). The differential test (\`test/chart/helmDiff.test.ts\`) runs the real
Helm 4.1.4 (\`helm template cilium <chart> -n kube-system -f values.yaml\`) and our renderer on the same values for
every chart version we ship, and compares:

- **keys**: every key of the \`cilium-config\` ConfigMap either side wrote, value for value, byte for byte
  (a key only one side wrote counts as compared and not equal);
- **install verdicts**: renders / the schema refuses (same keys) / a template stops (same template, and the
  same \`fail\`/\`required\` message text) / the values file cannot be read.

Inputs per version: every Cilium Helm values document of \`../shared/corpus/real\` (real users' files, pulled out
of their wrappers) plus ${a.randomPerVersion} values files from a seeded generator over the datapath keys and their value domains,
including spellings of other versions (\`strict\`, \`tunnel: disabled\`), literal \`null\` and quoted booleans.

| version | inputs (corpus + random) | keys compared | keys equal | verdicts compared | verdicts equal | fail messages equal | keys equal, corpus | keys equal, random |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
| **all** | ${sum('inputs')} | ${sum('keysCompared')} | ${sum('keysEqual')} (${pct(sum('keysEqual'), sum('keysCompared'))}) | ${sum('verdictsCompared')} | ${sum('verdictsEqual')} (${pct(sum('verdictsEqual'), sum('verdictsCompared'))}) | ${sum('failMessagesEqual')}/${sum('failMessagesCompared')} | | |

Corpus files left out, by reason:

${skipped}

A longer run draws more random files: \`CHART_DIFF_RANDOM=300 node scripts/run-tests.mjs test/chart/helmDiff.test.ts\`
(prints the same table; this page keeps the figures of the default run).

## What the engine does not do as Helm does

- **Certificates and time** (\`genCA\`, \`genSignedCert\`, \`buildCustomCert\`, \`now\`, \`dateModify\`): fixed
  stand-ins instead of fresh keys and the current time. Their output only reaches TLS Secrets, never
  \`cilium-config\`, and a fixed value keeps renders repeatable.
- **\`lookup\`** returns an empty map, as \`helm template\` does without a cluster; \`.Capabilities\` is a cluster
  of Kubernetes v1.35.0 with the built-in API groups only (what Helm 4.1.4 assumes offline), so a check for
  CRDs such as \`monitoring.coreos.com/v1\` behaves as under \`helm template\`.
- **Only the templates that matter are rendered**: \`cilium-configmap.yaml\` and every template that can stop
  the install (\`fail\`, \`required\`, found per version by \`npm run gen:charts\`). Errors in a template that
  can neither stop the install nor write \`cilium-config\` are not seen.
- **Sprig functions the Cilium charts never call** are not implemented (the ones they call in any version
  ${OLDEST_VERSION}–${NEWEST_VERSION} are: \`node tools/list-chart-functions.mjs\`). A chart template calling any other function would fail
  to parse, which \`test/chart/templateParseCharts.test.ts\` would report; a \`tpl\` string in the user's values
  calling one fails where Helm would render it.
- **Go template constructs**: complex-number literals (\`1i\`, which Go reads) are refused with a parse error;
  no Cilium chart uses them. Everything else of \`text/template\` the charts use is implemented with
  Go's semantics (\`test/chart/templateEngine.test.ts\`, \`test/chart/templateVsHelm.test.ts\`).
`;
}
