// The one entry point of the analysis core: text in, every Cilium document's datapath verdict and findings out.
// The CLI, the language server and the VS Code client only render this result.

import { buildAgentConfig, configMapSettings, type RenderedConfig } from './model/agentConfig';
import { chartModel, MAX_RENDERED_ENTRIES, type ChartModel } from './model/chartModel';
import { deriveDatapath } from './model/datapath';
import { CHART_NOTE_RULES, DATAPATH_RULES, VALUE_WORD_RULES } from './rules/defs/index';
import { HelmValues } from './model/helmValues';
import { buildState, parseKernel, type KernelVersion } from './model/state';
import { recognise, type CiliumSource } from './parse/recognise';
import { parseYamlFile, type ParseProblem } from './parse/yamlFile';
import { templatedValueRanges } from './parse/templatedValues';
import { attachFixes } from './fixes/attach';
import { parseTemplate } from './chart/template/parser';
import { TemplateError } from './chart/template/errors';
import { configMapKeyFindings } from './rules/configMapKeyRules';
import { lineBreakOf, normaliseLineBreaks } from './positions';
import { capFindings } from './rules/cap';
import { withoutBrokenYamlGuesses } from './rules/brokenYaml';
import { applySuppressions } from './suppressions';
import { configMapValueFindings } from './rules/configMapRules';
import { datapathFindings } from './rules/datapathFindings';
import { enumFindings } from './rules/enumRules';
import { hubbleMetricFindings } from './rules/hubbleMetricRules';
import { noEffectFindings } from './rules/noEffectRules';
import { apiServerAddressFindings } from './rules/apiServerAddress';
import { keyFindings } from './rules/keyRules';
import { addSchemaFindings } from './rules/chartSchemaFindings';
import { documentRules } from './rules/documentRules';
import { withoutEchoes, withoutRemovedKeyEchoes } from './rules/rootCause';
import type { Finding, Range } from './types';
import { NEWEST_RELEASED, parseCiliumVersion, type CiliumVersion } from './version';
import {
  chartLabelIn,
  ciliumDependencyVersion,
  imageTagIn,
  VERSION_SOURCE_WORDS,
  type ChartFileHint,
  type VersionSource,
} from './versionHints';

export type { ChartFileHint, VersionSource } from './versionHints';
export type { UsedBy } from './valuesReferences';

import type { Analysis, AnalyzeOptions, DocumentAnalysis, InternalError } from './analysisTypes';
export type { Analysis, AnalyzeOptions, DocumentAnalysis, InternalError } from './analysisTypes';

/** One `internal-error` finding: what failed, that it is our bug, and the thrown message (never the stack). */
export function internalErrorFinding(what: string, error: unknown, range: Range): Finding {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    rule: 'internal-error',
    severity: 'error',
    message: `Cilium Config failed while ${what} (${detail}). This is a bug in Cilium Config, not in your file; please report it with the file attached. The rest of the file was analysed normally.`,
    range,
  };
}

/**
 * analyze() that never throws: a failure outside the per-document isolation (parsing, recognising) becomes one
 * `internal-error` finding on the file. The CLI and the language server call this.
 */
export function analyzeSafely(text: string, options: AnalyzeOptions = {}): Analysis {
  try {
    return analyze(text, options);
  } catch (error) {
    const what = 'reading this file';
    return {
      documents: [],
      fileFindings: [
        internalErrorFinding(what, error, { start: 0, end: Math.min(text.length, Math.max(0, text.indexOf('\n'))) }),
      ],
      internalErrors: [{ what, error }],
    };
  }
}

export const DEFAULT_MAX_CHARS = 2_000_000;
/** Key rules whose finding means `helm install` stops (the schema refuses the values). */
const HELM_REFUSES_KEY_RULES = new Set(['templated-wrong-type', 'chart-schema-enum']);
/** Value rules whose error-severity findings mean the agent refuses to start: the verdict says so too. */
const AGENT_REFUSES_VALUE_RULES = new Set([
  ...VALUE_WORD_RULES.filter((s) => s.stopsAgent).map((s) => s.id),
  'hubble-metric-option-invalid',
  'hubble-metrics-conflict',
  'configmap-value-stops-agent',
]);
const VERSION_COMMENT = /#\s*cilium-version:\s*([^\s#]+)/;

/** The rule of a parse problem, by its code; any other code is a syntax error. */
const PROBLEM_RULES: ReadonlyMap<string, string> = new Map([
  ['DUPLICATE_KEY', 'yaml-duplicate-key'],
  ['TAB_AS_INDENT', 'yaml-tab-indent'],
  ['TOO_DEEP', 'yaml-too-deep'],
]);

function problemFinding(p: ParseProblem): Finding {
  const rule = PROBLEM_RULES.get(p.code) ?? 'yaml-syntax';
  return { rule, severity: p.severity, message: p.message, range: p.range };
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const firstBreak = input.slice(0, 200).search(/[\r\n]/);
  const start: Range = { start: 0, end: firstBreak < 0 ? Math.min(input.length, 200) : firstBreak };
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (input.length > maxChars) {
    return {
      documents: [],
      internalErrors: [],
      fileFindings: [
        {
          rule: 'file-too-large',
          severity: 'info',
          message: `This file has ${input.length} characters, more than the ${maxChars} we analyse; it was skipped.`,
          range: start,
        },
      ],
    };
  }
  if (looksBinary(input)) {
    return {
      documents: [],
      internalErrors: [],
      fileFindings: [
        {
          rule: 'not-text',
          severity: 'info',
          message: 'This file does not look like text (it has control or NUL bytes); it was not analysed.',
          range: start,
        },
      ],
    };
  }

  // Every line break the editor counts is a line break here: lone `\r` (old Mac files) becomes `\n`. Same
  // length, so offsets, findings and edits computed on `text` are valid in the user's `input`.
  const text = normaliseLineBreaks(input);
  const fileFindings: Finding[] = [];
  const kernel = options.kernel ? parseKernel(options.kernel) : undefined;
  if (options.kernel && !kernel) {
    fileFindings.push({
      rule: 'invalid-setting',
      severity: 'warning',
      message: `"${options.kernel}" is not a kernel version like 5.10; kernel requirements are assumed met.`,
      range: start,
    });
  }

  // The regex tries every `#` of the file; most files have no such comment, which one indexOf tells.
  const commentMatch = text.includes('cilium-version') ? VERSION_COMMENT.exec(text) : null;
  const parsed = options.incremental ? options.incremental.parse(text) : parseYamlFile(text);
  if (parsed.refused) {
    // Like a file too large: say why nothing else is shown, whatever the file is.
    return { documents: [], internalErrors: [], fileFindings: [...fileFindings, problemFinding(parsed.refused)] };
  }
  const sources = recognise(parsed, { path: options.path, hinted: !!commentMatch || !!options.assumeCilium });
  // Each document is analysed in isolation: a bug that throws on one leaves the others' verdicts intact.
  const documents: DocumentAnalysis[] = [];
  const internalErrors: InternalError[] = [];
  for (const source of sources) {
    try {
      documents.push(analyzeSource(source, text, options, commentMatch, kernel));
    } catch (error) {
      const what = `analysing document ${source.docIndex + 1} (${source.label})`;
      internalErrors.push({ what, error });
      fileFindings.push(internalErrorFinding(what, error, source.anchor));
    }
  }

  // Parse problems go to the document they sit in; the rest are shown only when this is Cilium's file.
  const claimed = new Set<ParseProblem>();
  for (const d of documents) {
    const docNode = parsed.documents[d.index];
    const r = docNode?.range;
    const own = parsed.problems.filter((p) => r && p.range.start >= r[0] && p.range.start <= r[2]);
    const errors = [...own, ...d.source.problems].filter(
      (p) => p.severity === 'error' && problemFinding(p).rule === 'yaml-syntax',
    );
    d.findings = withoutBrokenYamlGuesses(
      d.findings,
      errors.map((p) => p.range),
      d.source.root.range,
      text,
    );
    for (const p of own) {
      d.findings.unshift(problemFinding(p));
      claimed.add(p);
    }
    for (const p of d.source.problems) d.findings.unshift(problemFinding(p));
  }
  const fileIsOurs = sources.length > 0 || !!commentMatch || /cilium/i.test(options.path ?? '');
  if (fileIsOurs) for (const p of parsed.problems) if (!claimed.has(p)) fileFindings.push(problemFinding(p));
  // Only templates that fill in a Cilium value are worth a note: a `${VAR}` in a shell script or in another
  // document of the file changes nothing we check.
  // Control lines (`{{- if }}`, `%{ if }`) inside a Cilium document decide which values exist: they count too.
  const control = parsed.templates.filter(
    (t) =>
      parsed.text.slice(t.start, t.end).trim() === '' &&
      sources.some((s) => t.start >= s.root.range.start && t.start <= s.root.range.end),
  );
  const templated = [...sources.flatMap((s) => templatedValueRanges(s.root)), ...control].sort(
    (a, b) => a.start - b.start,
  );
  if (templated.length > 0) {
    fileFindings.push({
      rule: 'template-syntax',
      severity: 'info',
      message:
        'This file contains template expressions ({{ }}, ${ }, %{ }). Values produced by a template are unknown here: checks that depend on them are not reported, and the verdict names what depends on them.',
      range: templated[0],
    });
  }
  if (fileIsOurs) {
    // A Helm template has control actions ({{ if }}, {{ end }}, {{ include }}…) and reads .Values/.Chart…; a
    // values file with a `{{ .Values.x }}` placeholder is filled by some other tool and never parsed by Helm.
    const bodies = parsed.templates.map((t) => text.slice(t.start, t.end));
    const isHelmTemplate = bodies.some((b) => HELM_TEMPLATE.test(b)) && bodies.some((b) => TEMPLATE_CONTROL.test(b));
    const broken = isHelmTemplate ? helmTemplateParseError(text) : undefined;
    if (broken) fileFindings.push(broken);
  }
  // Inline `# cilium-lint-disable…` directives, after every rule and before the cap (a hidden finding takes no room).
  const unsuppressed = { documents, fileFindings };
  applySuppressions(unsuppressed, text);
  for (const d of documents) d.findings = capFindings(d.findings, d.source.anchor);
  const analysis: Analysis = {
    documents,
    fileFindings: capFindings(unsuppressed.fileFindings, start),
    internalErrors,
    yaml: parsed,
  };
  attachFixes(analysis, text, lineBreakOf(input), options.onInternalError);
  return analysis;
}

/** `.Values`, `.Chart`, `.Release`, `.Files` or `include "…"` in a template: Helm's (Go) templates, not Jinja or Argo. */
const HELM_TEMPLATE = /\.(?:Values|Chart|Release|Files|Capabilities)\b|\binclude\s+"/;
/** An action that starts a control structure or calls another template (also `{{-end }}`, which Go refuses). */
const TEMPLATE_CONTROL = /\{\{-?\s*(?:if|else|end|range|with|define|block|template|include)\b/;

/**
 * A file that is a Helm template (a chart's templates/ file, a helmfile .gotmpl) and that Go's template parser
 * refuses: Helm cannot render it at all (`{{-end }}` is not a trim marker but an action starting with "-en").
 * Read with the project's own Go template parser, which gives Go's own message.
 */
function helmTemplateParseError(text: string): Finding | undefined {
  try {
    parseTemplate('file', text, null);
    return undefined;
  } catch (e) {
    if (!(e instanceof TemplateError) || e.kind !== 'parse') return undefined;
    const lines = text.split('\n');
    const line = Math.min(Math.max(e.line, 1), lines.length);
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    return {
      rule: 'helm-template-parse-error',
      severity: 'error',
      message: `Helm cannot parse this file as a template, so it renders nothing: ${e.detail} (line ${line}).`,
      range: { start, end: start + lines[line - 1].length },
    };
  }
}

/** The first cilium dependency version among the chart files of one kind (nearest first). */
function chartFileVersion(
  options: AnalyzeOptions,
  kind: ChartFileHint['kind'],
): { raw: string; path: string } | undefined {
  for (const f of options.chartFiles ?? []) {
    if (f.kind !== kind) continue;
    const raw = ciliumDependencyVersion(f.text);
    if (raw) return { raw, path: f.path };
  }
  return undefined;
}

/** `image.tag: v1.18.2` of the agent image in the values, else a Cilium image reference anywhere in the file. */
function imageVersion(source: CiliumSource, text: string): { raw: string; range?: Range } | undefined {
  if (source.format === 'helm') {
    const tag = source.root.lookup('image.tag');
    const v = tag ? source.root.valueOf(tag) : undefined;
    if (typeof v === 'string' && /^v?1\.\d{1,2}\.\d+/.test(v.trim())) return { raw: v.trim(), range: tag!.valueRange };
  }
  const found = imageTagIn(text);
  return found ? { raw: found.raw, range: found.at } : undefined;
}

function resolveVersion(
  source: CiliumSource,
  options: AnalyzeOptions,
  comment: RegExpExecArray | null,
  text: string,
  notes: Finding[],
): { version: CiliumVersion; from: VersionSource; file?: string } {
  const chartYaml = chartFileVersion(options, 'chart-yaml');
  // Only a plain values file is what a wrapper names; the first wrapper that says a version decides.
  const usedBy = source.kind === 'helm-values' ? options.usedBy?.find((u) => u.version) : undefined;
  const chartLock = chartFileVersion(options, 'chart-lock');
  const image = imageVersion(source, text);
  const label = chartLabelIn(text);
  // The order of trust: what the user set for this run (--cilium-version, the cilium.version setting), then what
  // the user wrote about this file (the `# cilium-version:` comment), then what we infer: the wrapper's chart
  // version, the umbrella chart's dependency and its lock, the image the values deploy, a chart label of rendered
  // manifests. The comment is a statement, the rest are clues, so the comment wins over them; when a clue
  // disagrees, a note says so (a comment left behind by a chart upgrade is the likely cause).
  const commentRange = comment ? { start: comment.index, end: comment.index + comment[0].length } : source.anchor;
  const candidates: [VersionSource, string | undefined, Range, string?][] = [
    ['option', options.version, source.anchor],
    ['comment', comment?.[1], commentRange],
    ['wrapper', source.chartVersion?.text, source.chartVersion?.range ?? source.anchor],
    ['used-by', usedBy?.version, source.anchor, usedBy && `${usedBy.wrapper} in ${usedBy.file}`],
    ['chart-yaml', chartYaml?.raw, source.anchor, chartYaml?.path],
    ['chart-lock', chartLock?.raw, source.anchor, chartLock?.path],
    ['image', image?.raw, image?.range ?? source.anchor],
    ['label', label?.raw, label?.at ?? source.anchor],
  ];
  /** Hints that named an unsupported version: noted once the version actually used is known. */
  const unusable: Finding[] = [];
  for (const [from, raw, range, file] of candidates) {
    if (!raw) continue;
    const parsed = parseCiliumVersion(raw);
    if (parsed.ok) {
      if (from === 'comment') {
        const clue = candidates
          .slice(2)
          .map(([f, r, , p]) => ({ f, p, v: r ? parseCiliumVersion(r) : undefined }))
          .find((c) => c.v?.ok);
        if (clue?.v?.ok && clue.v.version !== parsed.version) {
          const where = clue.p ? ` (${clue.p})` : '';
          notes.push({
            rule: 'version-comment-disagrees',
            severity: 'info',
            message: `The # cilium-version comment says ${parsed.version}, so this file is analysed for ${parsed.version}; but ${VERSION_SOURCE_WORDS[clue.f].replace(/^from /, '')}${where} says ${clue.v.version}. If the chart has moved on, update the comment.`,
            range: commentRange,
          });
        }
      }
      for (const u of unusable)
        notes.push({
          ...u,
          message: `${u.message} Analysing for ${parsed.version} (${VERSION_SOURCE_WORDS[from]}) instead.`,
        });
      return { version: parsed.version, from, file };
    }
    // A wrapper or chart file may hold a range or a branch name; only a version-like text is worth a note.
    if (!['wrapper', 'used-by', 'chart-yaml', 'chart-lock'].includes(from) || /\d/.test(raw)) {
      const where = file ? ` (${file})` : '';
      unusable.push({ rule: 'unsupported-version', severity: 'info', message: `${parsed.reason}${where}.`, range });
    }
  }
  for (const u of unusable) notes.push({ ...u, message: `${u.message} Analysing for ${NEWEST_RELEASED} instead.` });
  return { version: NEWEST_RELEASED, from: 'default' };
}

function analyzeSource(
  source: CiliumSource,
  text: string,
  options: AnalyzeOptions,
  comment: RegExpExecArray | null,
  kernel: KernelVersion | undefined,
): DocumentAnalysis {
  const findings: Finding[] = [];
  const { version, from, file } = resolveVersion(source, options, comment, text, findings);
  let configMap: RenderedConfig;
  let helm: HelmValues | undefined;
  let chart: ChartModel | undefined;
  if (source.format === 'helm') {
    // The real chart of the target version, rendered for these values: its cilium-config is the agent's input,
    // exactly as a cilium-config ConfigMap file's data would be; its coalesced values are what rules read.
    chart = chartModel(source, version, CHART_NOTE_RULES);
    helm = new HelmValues(source.root, version, chart?.render.values);
    configMap = chart?.settings ?? (new Map() as RenderedConfig);
    pushAll(findings, keyFindings(source.root, version));
    // The chart copies extraConfig into cilium-config as it is (templates/cilium-configmap.yaml, `toYaml
    // .Values.extraConfig`, every version): its entries are agent/operator keys, checked like a ConfigMap's.
    const extra = source.root.child('extraConfig');
    if (extra) pushAll(findings, configMapKeyFindings(extra, version));
  } else {
    configMap = configMapSettings(source.root);
    pushAll(findings, configMapValueFindings(source.root));
    pushAll(findings, configMapKeyFindings(source.root, version));
  }
  const agent = buildAgentConfig(configMap, version);
  const state = buildState(agent, helm, kernel, chart);
  const datapath = deriveDatapath(state, DATAPATH_RULES);
  pushAll(findings, enumFindings(source.root, state, source.format));
  pushAll(findings, hubbleMetricFindings(source.root, state, source.format));
  pushAll(findings, noEffectFindings(source.root, state, source.format));
  pushAll(
    findings,
    apiServerAddressFindings(source.root, state, configMap, version, source.valuesElsewhere !== undefined),
  );
  if (chart) addSchemaFindings(findings, chart, source.anchor, version);
  if (chart && chart.cut.length > 0) {
    findings.push({
      rule: 'chart-render-trimmed',
      severity: 'info',
      message: `${chart.cut.slice(0, 3).join(', ') || 'The values'} ${chart.cut.length > 1 ? 'have' : 'has'} more than ${MAX_RENDERED_ENTRIES} entries; the chart was rendered with the first ${MAX_RENDERED_ENTRIES} of each, so what the rest writes into cilium-config is not checked.`,
      range: source.anchor,
    });
  }
  // A key finding that means Helm rejects the values makes the install verdict agree with it.
  if (findings.some((f) => HELM_REFUSES_KEY_RULES.has(f.rule))) datapath.installSucceeds = false;
  // A quoted boolean is an error exactly when Helm stops on it (the schema, or a template comparing it).
  if (findings.some((f) => f.rule === 'quoted-boolean' && f.severity === 'error')) datapath.installSucceeds = false;
  if (findings.some((f) => f.severity === 'error' && AGENT_REFUSES_VALUE_RULES.has(f.rule)))
    datapath.agentStarts = false;
  pushAll(findings, datapathFindings(withoutEchoes(datapath, agent), source.anchor, source.format));
  for (const rule of documentRules) pushAll(findings, rule({ source, version, datapath, configMap, agent }));
  const deduped = withoutRemovedKeyEchoes(findings);
  findings.length = 0;
  pushAll(
    findings,
    source.valuesElsewhere ? deduped.map((f) => withValuesElsewhere(f, source.valuesElsewhere!)) : deduped,
  );
  return {
    index: source.docIndex,
    kind: source.kind,
    label: source.label,
    version,
    versionSource: from,
    versionFile: file,
    kernel,
    datapath,
    findings,
    configMap,
    agent,
    source,
    chart,
  };
}

/**
 * A warning that only defaults decided, in a document whose other values live elsewhere (a HelmRelease's
 * valuesFrom): those values may well set it, so it is information, and says why.
 */
function withValuesElsewhere(f: Finding, where: string): Finding {
  if (!f.fromDefaults || f.severity !== 'warning') return f;
  return {
    ...f,
    severity: 'info',
    message: `${f.message} This rests on defaults only, and the values from ${where} are not in this file: they may set it otherwise.`,
  };
}

/** Appends without spreading: a rule may return one finding per key, and 150,000 arguments overflow the stack. */
function pushAll(into: Finding[], more: readonly Finding[]): void {
  for (const f of more) into.push(f);
}
