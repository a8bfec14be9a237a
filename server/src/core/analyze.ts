// The one entry point of the analysis core: text in, every Cilium document's datapath verdict and findings out.
// The CLI, the language server and the VS Code client only render this result.

import { buildAgentConfig, configMapSettings, type AgentConfig } from './model/agentConfig';
import { deriveDatapath, type Datapath } from './model/datapath';
import { HelmValues } from './model/helmValues';
import { renderConfigMap, type RenderedConfig } from './model/renderConfigMap';
import { buildState, parseKernel, type KernelVersion } from './model/state';
import { recognise, type CiliumSource, type DocumentKind } from './parse/recognise';
import { parseYamlFile, type ParseProblem } from './parse/yamlFile';
import { templatedValueRanges } from './parse/templatedValues';
import { attachFixes } from './fixes/attach';
import { configMapKeyFindings } from './rules/configMapKeyRules';
import { configMapValueFindings } from './rules/configMapRules';
import { datapathFindings } from './rules/datapathFindings';
import { enumFindings } from './rules/enumRules';
import { hubbleMetricFindings } from './rules/hubbleMetricRules';
import { keyFindings } from './rules/keyRules';
import { documentRules } from './rules/documentRules';
import type { Finding, Range } from './types';
import { NEWEST_VERSION, parseCiliumVersion, type CiliumVersion } from './version';

export interface AnalyzeOptions {
  /** Target Cilium version ("1.16"); wins over anything found in the file. */
  version?: string;
  /** Kernel version of the nodes ("5.4"); unknown means "assume every kernel requirement is met". */
  kernel?: string;
  /** The file's path, used only as a hint for recognising plain values files. */
  path?: string;
  /** Files larger than this many characters get one finding instead of an analysis. */
  maxChars?: number;
}

export type VersionSource = 'option' | 'wrapper' | 'comment' | 'default';

export interface DocumentAnalysis {
  index: number;
  kind: DocumentKind;
  label: string;
  version: CiliumVersion;
  versionSource: VersionSource;
  kernel?: KernelVersion;
  datapath: Datapath;
  findings: Finding[];
  /** The cilium-config keys these values produce (for Helm values) or contain (for a ConfigMap). */
  configMap: RenderedConfig;
  agent: AgentConfig;
  source: CiliumSource;
}

export interface Analysis {
  /** Problems that belong to no Cilium document (syntax errors, a file too large, binary content). */
  fileFindings: Finding[];
  documents: DocumentAnalysis[];
  /**
   * Bugs of ours met while analysing: each also appears as one `internal-error` finding, on the document it hit
   * (in `fileFindings`, since a document whose analysis failed has no verdict). Kept here with the thrown value so
   * the CLI can print the stack with --debug and exit 3.
   */
  internalErrors: InternalError[];
}

export interface InternalError {
  /** What was being done ("analysing document 2 (Helm values)"). */
  what: string;
  error: unknown;
}

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
    return { documents: [], fileFindings: [internalErrorFinding(what, error, { start: 0, end: Math.min(text.length, Math.max(0, text.indexOf('\n'))) })], internalErrors: [{ what, error }] };
  }
}

export const DEFAULT_MAX_CHARS = 2_000_000;
/** Key rules whose finding means `helm install` stops (the schema refuses the values). */
const HELM_REFUSES_KEY_RULES = new Set(['templated-wrong-type']);
const VERSION_COMMENT = /#\s*cilium-version:\s*([^\s#]+)/;

function problemFinding(p: ParseProblem): Finding {
  const rule =
    p.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : p.code === 'TAB_AS_INDENT' ? 'yaml-tab-indent' : p.code === 'TOO_DEEP' ? 'yaml-too-deep' : 'yaml-syntax';
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

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const start: Range = { start: 0, end: Math.min(text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'), 200) };
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    return {
      documents: [],
      internalErrors: [],
      fileFindings: [{ rule: 'file-too-large', severity: 'info', message: `This file has ${text.length} characters, more than the ${maxChars} we analyse; it was skipped.`, range: start }],
    };
  }
  if (looksBinary(text)) {
    return {
      documents: [],
      internalErrors: [],
      fileFindings: [{ rule: 'not-text', severity: 'info', message: 'This file does not look like text (it has control or NUL bytes); it was not analysed.', range: start }],
    };
  }

  const fileFindings: Finding[] = [];
  const kernel = options.kernel ? parseKernel(options.kernel) : undefined;
  if (options.kernel && !kernel) {
    fileFindings.push({ rule: 'invalid-setting', severity: 'warning', message: `"${options.kernel}" is not a kernel version like 5.10; kernel requirements are assumed met.`, range: start });
  }

  const commentMatch = VERSION_COMMENT.exec(text);
  const parsed = parseYamlFile(text);
  if (parsed.refused) {
    // Like a file too large: say why nothing else is shown, whatever the file is.
    return { documents: [], internalErrors: [], fileFindings: [...fileFindings, problemFinding(parsed.refused)] };
  }
  const sources = recognise(parsed, { path: options.path, hinted: !!commentMatch });
  // Each document is analysed in isolation: a bug that throws on one leaves the others' verdicts intact.
  const documents: DocumentAnalysis[] = [];
  const internalErrors: InternalError[] = [];
  for (const source of sources) {
    try {
      documents.push(analyzeSource(source, text, options, commentMatch, kernel, fileFindings));
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
    for (const p of parsed.problems) {
      if (r && p.range.start >= r[0] && p.range.start <= r[2]) {
        d.findings.unshift(problemFinding(p));
        claimed.add(p);
      }
    }
    for (const p of d.source.problems) d.findings.unshift(problemFinding(p));
  }
  const fileIsOurs = sources.length > 0 || !!commentMatch || /cilium/i.test(options.path ?? '');
  if (fileIsOurs) for (const p of parsed.problems) if (!claimed.has(p)) fileFindings.push(problemFinding(p));
  // Only templates that fill in a Cilium value are worth a note: a `${VAR}` in a shell script or in another
  // document of the file changes nothing we check.
  // Control lines (`{{- if }}`, `%{ if }`) inside a Cilium document decide which values exist: they count too.
  const control = parsed.templates.filter((t) => parsed.text.slice(t.start, t.end).trim() === '' && sources.some((s) => t.start >= s.root.range.start && t.start <= s.root.range.end));
  const templated = [...sources.flatMap((s) => templatedValueRanges(s.root)), ...control].sort((a, b) => a.start - b.start);
  if (templated.length > 0) {
    fileFindings.push({
      rule: 'template-syntax',
      severity: 'info',
      message: 'This file contains template expressions ({{ }}, ${ }, %{ }). Values produced by a template are unknown here: checks that depend on them are not reported, and the verdict names what depends on them.',
      range: templated[0],
    });
  }
  const analysis: Analysis = { documents, fileFindings, internalErrors };
  attachFixes(analysis, text);
  return analysis;
}

function resolveVersion(
  source: CiliumSource,
  options: AnalyzeOptions,
  comment: RegExpExecArray | null,
  text: string,
  notes: Finding[],
): { version: CiliumVersion; from: VersionSource } {
  const candidates: [VersionSource, string | undefined, Range][] = [
    ['option', options.version, source.anchor],
    ['wrapper', source.chartVersion?.text, source.chartVersion?.range ?? source.anchor],
    ['comment', comment?.[1], comment ? { start: comment.index, end: comment.index + comment[0].length } : source.anchor],
  ];
  for (const [from, raw, range] of candidates) {
    if (!raw) continue;
    const parsed = parseCiliumVersion(raw);
    if (parsed.ok) return { version: parsed.version, from };
    if (from !== 'wrapper' || /\d/.test(raw)) {
      notes.push({ rule: 'unsupported-version', severity: 'info', message: `${parsed.reason}. Analysing for ${NEWEST_VERSION} instead.`, range });
    }
  }
  void text;
  return { version: NEWEST_VERSION, from: 'default' };
}

function analyzeSource(
  source: CiliumSource,
  text: string,
  options: AnalyzeOptions,
  comment: RegExpExecArray | null,
  kernel: KernelVersion | undefined,
  fileFindings: Finding[],
): DocumentAnalysis {
  const findings: Finding[] = [];
  const { version, from } = resolveVersion(source, options, comment, text, findings);
  let configMap: RenderedConfig;
  let helm: HelmValues | undefined;
  if (source.format === 'helm') {
    helm = new HelmValues(source.root, version);
    configMap = renderConfigMap(helm);
    findings.push(...keyFindings(source.root, version));
  } else {
    configMap = configMapSettings(source.root);
    findings.push(...configMapValueFindings(source.root));
    findings.push(...configMapKeyFindings(source.root, version));
  }
  const agent = buildAgentConfig(configMap, version);
  const state = buildState(agent, helm, kernel);
  const datapath = deriveDatapath(state);
  findings.push(...enumFindings(source.root, state, source.format));
  findings.push(...hubbleMetricFindings(source.root, state, source.format));
  // A key finding that means Helm rejects the values makes the install verdict agree with it.
  if (findings.some((f) => HELM_REFUSES_KEY_RULES.has(f.rule))) datapath.installSucceeds = false;
  findings.push(...datapathFindings(datapath, source.anchor, source.format));
  for (const rule of documentRules) findings.push(...rule({ source, version, datapath, configMap, agent }));
  void fileFindings;
  return {
    index: source.docIndex,
    kind: source.kind,
    label: source.label,
    version,
    versionSource: from,
    kernel,
    datapath,
    findings,
    configMap,
    agent,
    source,
  };
}
