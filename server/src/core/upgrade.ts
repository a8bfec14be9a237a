// The upgrade assistant: what changes when the same file is deployed with a newer Cilium. Everything is derived
// from the versioned knowledge the analysis already has (chart defaults and renderings per version, the
// datapath rules with their version ranges and citations, removed and renamed keys): the file is analysed at
// its current version, at every minor on the way, and at the target, and the differences are reported
// with the version where each one appears. The migration is the Fix All engine restricted to the rules about
// removed, renamed or re-spelt keys, so it is the same edit the editor's quick-fixes make.

import { analyze, type Analysis, type AnalyzeOptions, type DocumentAnalysis } from './analyze';
import { fixAllInText } from './fixes/fixAll';
import { applyEdits } from './edit/yamlEdit';
import { ruleInfo } from './knowledge/ruleCatalog';
import type { Datapath, Reason } from './model/datapath';
import { masqueradingText, routingText } from './statusPreview';
import type { Finding, TextEdit } from './types';
import { minorOf, SUPPORTED_VERSIONS, type CiliumVersion } from './version';

/**
 * Rules whose finding is a key that a newer version removed, renamed or spells differently (kube-proxy replacement's
 * strict / disabled, which 1.16 refuses): the migrations.
 */
export function isMigrationRule(rule: string): boolean {
  return (
    rule === 'key-removed' ||
    rule === 'kpr-deprecated-value' ||
    rule === 'kpr-invalid-value' ||
    rule === 'chart-kpr-invalid' ||
    rule === 'configmap-key-removed' ||
    rule === 'configmap-key-deprecated' ||
    (rule.startsWith('chart-') && rule.endsWith('-removed'))
  );
}

export interface VerdictChange {
  /** "Host Routing", "Agent starts", … */
  label: string;
  before: string;
  /** At the target version, the file unchanged. */
  after: string;
  /** At the target version, after the migration. */
  migrated: string;
  /** The first version on the way where the verdict differs from the one before it. */
  changesAt?: CiliumVersion;
  /** Why, one sentence each. */
  why: string[];
}

export interface KeyChange {
  /** The version that removes, renames or re-spells the key. */
  version: CiliumVersion;
  rule: string;
  key?: string;
  message: string;
  /** 1-based line of the key in the file. */
  line: number;
  /** The migration the fix makes, when there is one. */
  migration?: string;
}

export interface DefaultChange {
  /** The cilium-config key the chart writes. */
  key: string;
  before?: string;
  after?: string;
  /** The first version on the way where the chart's value differs. */
  changesAt: CiliumVersion;
}

export interface DocumentUpgrade {
  index: number;
  label: string;
  from: CiliumVersion;
  fromSource: DocumentAnalysis['versionSource'];
  to: CiliumVersion;
  /** Set when the document is already at or past the target: nothing else is filled in. */
  note?: string;
  verdict: VerdictChange[];
  keys: KeyChange[];
  defaults: DefaultChange[];
}

export interface UpgradePlan {
  to: CiliumVersion;
  documents: DocumentUpgrade[];
  /** The file with every migration applied (equal to the input when there is none). */
  migratedText: string;
}

export interface UpgradeOptions extends Omit<AnalyzeOptions, 'version'> {
  to: CiliumVersion;
  /** The version the file runs today; else found as usual (wrapper, chart files, image, comment, newest). */
  from?: CiliumVersion;
}

/** The versions after `from` up to `to`, in order. */
export function versionsBetween(from: CiliumVersion, to: CiliumVersion): CiliumVersion[] {
  return SUPPORTED_VERSIONS.filter((v) => minorOf(v) > minorOf(from) && minorOf(v) <= minorOf(to));
}

type Lines = Record<string, string>;

function verdictLines(d: DocumentAnalysis): Lines {
  const dp = d.datapath;
  return {
    'Kube-proxy replacement': dp.kubeProxyReplacement.status,
    'Host Routing': dp.hostRouting.status,
    Masquerading: masqueradingText(dp),
    Routing: routingText(dp.routing),
    'Agent starts': dp.agentStarts ? 'yes' : 'NO',
    'Chart installs': d.source.format === 'helm' ? (dp.installSucceeds ? 'yes' : 'NO') : 'n/a (ConfigMap)',
  };
}

/** The reasons behind one verdict line, by rule id. */
function reasonsOf(label: string, dp: Datapath): Reason[] {
  if (label === 'Host Routing') return dp.hostRouting.reasons;
  if (label === 'Masquerading') return dp.masquerading.reasons;
  if (label === 'Agent starts') return dp.agentErrors;
  if (label === 'Chart installs') return dp.chartErrors;
  return [];
}

const summary = (id: string) => ruleInfo(id)?.summary ?? id;

/** Why a verdict line differs between two versions: reasons that stop applying, and reasons that start. */
function explain(label: string, chain: { version: CiliumVersion; doc: DocumentAnalysis }[]): string[] {
  const why: string[] = [];
  for (let i = 1; i < chain.length; i++) {
    const prev = new Map(reasonsOf(label, chain[i - 1].doc.datapath).map((r) => [r.id, r]));
    const next = new Map(reasonsOf(label, chain[i].doc.datapath).map((r) => [r.id, r]));
    const v = chain[i].version;
    for (const [id] of prev) if (!next.has(id)) why.push(`from ${v}, ${id} no longer applies: ${summary(id)}`);
    for (const [id, r] of next) if (!prev.has(id)) why.push(`from ${v}, ${id}: ${r.message}`);
  }
  return why;
}

function keyOf(f: Finding): string {
  return `${f.rule}\u0000${f.key ?? ''}\u0000${f.range.start}`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The report for one document, given its analyses at each version of the chain (first = today). */
function documentUpgrade(
  text: string,
  chain: { version: CiliumVersion; doc: DocumentAnalysis }[],
  migrated: DocumentAnalysis | undefined,
  to: CiliumVersion,
): DocumentUpgrade {
  const first = chain[0].doc;
  const last = chain[chain.length - 1].doc;
  const base = { index: first.index, label: first.label, from: first.version, fromSource: first.versionSource, to };
  if (first.versionSource === 'default') {
    // Comparing the newest release with itself would say "nothing changes", which is not what the user asked.
    return {
      ...base,
      note: 'no Cilium version found for this document (wrapper, Chart.yaml, image tag, "# cilium-version:" comment): give the version it runs today with --from',
      verdict: [],
      keys: [],
      defaults: [],
    };
  }
  if (minorOf(first.version) >= minorOf(to)) {
    return {
      ...base,
      note:
        first.version === to
          ? `already at ${to}`
          : `runs ${first.version}, newer than ${to}: downgrades are not covered`,
      verdict: [],
      keys: [],
      defaults: [],
    };
  }
  // Verdicts side by side, each with the version where it changes and why.
  const before = verdictLines(first);
  const after = verdictLines(last);
  const afterMigration = migrated ? verdictLines(migrated) : after;
  const verdict: VerdictChange[] = Object.keys(before).map((label) => {
    const changesAt = chain
      .slice(1)
      .find((c, i) => verdictLines(c.doc)[label] !== verdictLines(chain[i].doc)[label])?.version;
    return {
      label,
      before: before[label],
      after: after[label],
      migrated: afterMigration[label],
      changesAt,
      why: explain(label, chain),
    };
  });

  // Keys removed, renamed or re-spelt, at the version that does it.
  const keys: KeyChange[] = [];
  let seen = new Set(chain[0].doc.findings.filter((f) => isMigrationRule(f.rule)).map(keyOf));
  const reported = new Set<string>();
  for (let i = 0; i < chain.length; i++) {
    const { version, doc } = chain[i];
    const here = doc.findings.filter((f) => isMigrationRule(f.rule));
    for (const f of here) {
      const k = keyOf(f);
      // A finding already there today is reported at the current version: the file needs it now.
      if ((i > 0 && seen.has(k)) || reported.has(k)) continue;
      reported.add(k);
      keys.push({
        version,
        rule: f.rule,
        key: f.key,
        message: f.message,
        line: lineOf(text, f.range.start),
        migration: f.fixes?.[0]?.title,
      });
    }
    seen = new Set(here.map(keyOf));
  }

  // Chart defaults that change under the user's feet: keys the chart writes from its own default (or from no key
  // at all) whose value differs at the target, for Helm values only (a ConfigMap says every value itself).
  const defaults: DefaultChange[] = [];
  if (first.source.format === 'helm') {
    const userSet = (d: DocumentAnalysis, key: string) => d.configMap.get(key)?.origin.kind === 'user';
    const keysSeen = new Set([...first.configMap.keys()]);
    for (const key of [...keysSeen].sort()) {
      if (userSet(first, key) || userSet(last, key)) continue;
      const a = first.configMap.get(key)?.value;
      const b = last.configMap.get(key)?.value;
      if (a === b) continue;
      const changesAt =
        chain.slice(1).find((c, i) => c.doc.configMap.get(key)?.value !== chain[i].doc.configMap.get(key)?.value)
          ?.version ?? to;
      defaults.push({ key, before: a, after: b, changesAt });
    }
  }
  // A verdict that moves because a chart default moved says which one.
  for (const v of verdict) {
    const related = VERDICT_KEYS[v.label] ?? [];
    for (const c of defaults) {
      if (related.includes(c.key))
        v.why.push(
          `from ${c.changesAt}, the chart writes ${c.key}: ${c.after ?? '(nothing)'} instead of ${c.before ?? '(nothing)'} (a default: you did not set it)`,
        );
    }
  }
  return { ...base, verdict, keys, defaults };
}

/** The cilium-config keys each verdict line rests on, to name a chart default that moves it. */
export const VERDICT_KEYS: Record<string, string[]> = {
  'Kube-proxy replacement': ['kube-proxy-replacement'],
  'Host Routing': ['enable-host-legacy-routing', 'enable-bpf-masquerade', 'kube-proxy-replacement'],
  Masquerading: ['enable-ipv4-masquerade', 'enable-ipv6-masquerade', 'enable-bpf-masquerade', 'enable-ip-masq-agent'],
  Routing: ['routing-mode', 'tunnel', 'tunnel-protocol'],
};

export function upgradePlan(text: string, options: UpgradeOptions): UpgradePlan {
  const { to, from, ...rest } = options;
  const cache = new Map<string, Analysis>();
  const at = (version: CiliumVersion | undefined, t: string = text): Analysis => {
    const k = `${version ?? ''}\u0000${t === text ? '' : t}`;
    let a = cache.get(k);
    if (!a) cache.set(k, (a = analyze(t, { ...rest, version })));
    return a;
  };
  const today = at(from);
  // The migration: every preferred fix of a migration rule at the target version, re-analysed until stable.
  const edits: TextEdit[] = fixAllInText(text, { ...rest, version: to }, (f) => isMigrationRule(f.rule));
  let migratedText = edits.length > 0 ? applyEdits(text, edits) : text;
  // A `# cilium-version:` comment that named today's version names the target after the migration.
  if (migratedText !== text && !from && today.documents.some((d) => d.versionSource === 'comment')) {
    migratedText = migratedText.replace(/(#\s*cilium-version:\s*)([^\s#]+)/, (_m, head: string) => `${head}${to}`);
  }
  const migrated = migratedText === text ? at(to) : at(to, migratedText);
  const documents = today.documents.map((d) => {
    const chain = [{ version: d.version, doc: d }];
    for (const v of versionsBetween(d.version, to)) {
      const doc = at(v).documents.find((x) => x.index === d.index);
      if (doc) chain.push({ version: v, doc });
    }
    return documentUpgrade(
      text,
      chain,
      migrated.documents.find((x) => x.index === d.index),
      to,
    );
  });
  return { to, documents, migratedText };
}
