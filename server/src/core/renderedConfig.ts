// "Show Rendered cilium-config" and `cilium-lint --format configmap`: the whole cilium-config ConfigMap the real
// chart renders for one Helm-values document, written as `kubectl get configmap cilium-config -o yaml` writes it
// (keys sorted, go-yaml quoting), each key followed by a trailing comment saying where its value comes from:
// the user's value (with the key and line that set it), the chart's default, or fixed by the chart (a value of
// its own, and the chart defaults whose conditions made it write the key). Comments
// keep the text valid YAML with the same data, so it can be diffed against the cluster's ConfigMap.
// When the chart refuses the values, the refusal comes first, in comments, so the view is never silently empty.
import type { DocumentAnalysis } from './analyze';
import { toGoYaml } from './chart/helm/goYaml';
import type { ChartRender, RenderedKey } from './chart/helm/render';
import { keyGuards, sharedDeps, userHas } from './chart/helm/configMapOutput';
import { renderSource, sourceValues } from './chart/renderSource';
import type { GoValue } from './chart/template/index';
import { configKeyComment } from './docs/configKeyInfo';
import { LineIndex } from './positions';
import { versionLabel } from './version';

export interface RenderedDocument {
  /** Index of the YAML document in the file. */
  docIndex: number;
  /** The ConfigMap text with annotations (or only comments when nothing could be rendered). */
  text: string;
  /** False when the chart refused the values or nothing was rendered (the text then says why, at the top). */
  rendered: boolean;
}

/** Where a values path is set in the user's file: "bpf.masquerade (line 4)", or the bare path if not found. */
function userPlace(doc: DocumentAnalysis, lines: LineIndex, path: readonly string[]): string {
  const entry = doc.source.root.lookup(path);
  const name = path.join('.');
  return entry ? `${name} (line ${lines.position(entry.keyRange.start).line})` : name;
}

/** At most this many chart-default paths are named per key; the rest are counted. */
const MAX_DEFAULT_PATHS = 3;

/**
 * The values paths that decided a key. The renderer records every read since the previous key (`reads`); a
 * renderer that also records which of them the key's value was computed from (`valueDeps`, `deps`) is preferred,
 * as it names fewer, exact paths.
 */
function decidingPaths(key: RenderedKey): string[] {
  const exact = key as RenderedKey & { valueDeps?: string[]; deps?: string[] };
  if (exact.valueDeps?.length) return exact.valueDeps;
  if (exact.deps?.length) return exact.deps;
  return key.reads;
}

function defaultPaths(paths: readonly string[]): string {
  // The value's own key is read last, after the conditions that decided whether it is written at all.
  const shown = paths.slice(-MAX_DEFAULT_PATHS);
  return paths.length > shown.length ? `… ${shown.join(', ')}` : shown.join(', ');
}

/**
 * The trailing comment of one key: user value (key and line), chart default (the paths its value is computed
 * from), or fixed by the chart (a value of the chart's own, with the chart defaults whose conditions wrote it).
 * `shared` are the guards of the whole template (model: sharedDeps), named for no key.
 */
export function originComment(
  doc: DocumentAnalysis,
  lines: LineIndex,
  name: string,
  key: RenderedKey,
  user: Map<string, GoValue>,
  shared: ReadonlySet<string> = new Set(),
): string {
  // extraConfig entries are copied into cilium-config verbatim, one key each.
  const extra = user.get('extraConfig');
  if (extra instanceof Map && extra.has(name)) return `# your value: ${userPlace(doc, lines, ['extraConfig', name])}`;
  const paths = decidingPaths(key);
  const mine = paths.filter((p) => userHas(user, p));
  if (key.origin === 'user' && mine.length > 0)
    return `# your value: ${mine.map((p) => userPlace(doc, lines, p.split('.'))).join(', ')}`;
  if (paths.length === 0 || key.origin === 'fixed') {
    const when = keyGuards(key, shared);
    return when.length > 0
      ? `# fixed by the chart, written because of chart defaults: ${defaultPaths(when)}`
      : '# fixed by the chart';
  }
  return `# chart default: ${defaultPaths(paths)}`;
}

/**
 * One `data:` entry as go-yaml writes it, indented two spaces, with the comment at the end of its first line
 * when YAML allows a comment there (a one-line value, or a block scalar's header); otherwise on its own line
 * above the key, so the data stays exactly what the chart wrote.
 */
function entryLines(name: string, value: string, comment: string): string {
  const lines = toGoYaml(new Map([[name, value]]))
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `  ${l}`);
  const blockHeader = /: [|>][-+]?\d*$/.test(lines[0]!);
  if (lines.length === 1 || blockHeader) {
    lines[0] = `${lines[0]}  ${comment}`;
    return lines.join('\n');
  }
  return [`  ${comment}`, ...lines].join('\n');
}

function commentBlock(lines: readonly string[]): string {
  return lines
    .flatMap((l) => l.split('\n'))
    .map((l) => (l ? `#   ${l}` : '#'))
    .join('\n');
}

/**
 * The annotated ConfigMap of one analysed document. `render` is the chart render of that document (computed
 * here when not given); `text` is the file, for line numbers.
 */
export function formatRenderedDocument(
  doc: DocumentAnalysis,
  text: string,
  render?: ChartRender | null,
): RenderedDocument {
  const head = [
    `# ${doc.label}: cilium-config as the Cilium ${versionLabel(doc.version)} chart renders it${render?.chartVersion ? ` (chart ${render.chartVersion})` : ''}.`,
  ];
  const done = (body: string[], rendered: boolean): RenderedDocument => ({
    docIndex: doc.source.docIndex,
    text: [...head, ...body].join('\n') + '\n',
    rendered,
  });
  if (doc.source.format !== 'helm') return writtenConfigMap(doc, text);
  const r = render === undefined ? renderSafely(doc) : render;
  if (!r || 'error' in r) {
    return done([`# Nothing rendered: ${r ? r.error : `no chart data for Cilium ${doc.version}`}.`], false);
  }
  if (r.schemaErrors.length > 0) {
    head.push("# Helm refuses these values (the chart's values.schema.json), so nothing is rendered:");
    return done([commentBlock(r.schemaErrors.map((e) => e.message))], false);
  }
  const failure = r.failures[0];
  if (failure) {
    head.push(`# Helm stops the install in ${failure.template}:`, commentBlock([failure.message]));
    if (r.configMap) head.push('# The ConfigMap below is what the chart wrote before that; it is never applied.');
  }
  if (!r.configMap) return done(['# The chart wrote no cilium-config ConfigMap for these values.'], false);
  head.push(
    '# Trailing comments: where each value comes from (your values and their line, the chart default, or the chart itself).',
  );
  const lines = LineIndex.of(text);
  const user = sourceValues(doc.source);
  const shared = sharedDeps(r.configMap.values());
  const data = [...r.configMap.keys()].sort().map((k) => {
    const key = r.configMap!.get(k)!;
    return entryLines(k, key.value, originComment(doc, lines, k, key, user, shared));
  });
  return done(configMapLines(data), !failure);
}

/** The cilium-config ConfigMap around its `data` lines, its fields sorted as kubectl prints them. */
function configMapLines(data: readonly string[]): string[] {
  return [
    'apiVersion: v1',
    data.length > 0 ? 'data:' : 'data: {}',
    ...data,
    'kind: ConfigMap',
    'metadata:',
    '  name: cilium-config',
    '  namespace: kube-system',
  ];
}

/**
 * A document that already is the ConfigMap: nothing to render, so its own keys, sorted as kubectl prints them,
 * each with the line it is written on.
 */
function writtenConfigMap(doc: DocumentAnalysis, text: string): RenderedDocument {
  const lines = LineIndex.of(text);
  const root = doc.source.root;
  const entries = root.entries().filter((e) => !e.merged);
  const data = [...new Map(entries.map((e) => [e.key, e])).values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => {
      const v = root.valueOf(e);
      const value = typeof v === 'string' ? v : v === null || typeof v === 'symbol' ? root.sourceOf(e) : String(v);
      return entryLines(
        e.key,
        value,
        `# as written (line ${lines.position(e.keyRange.start).line}); ${configKeyComment(e.key, doc.version)}`,
      );
    });
  const body = [
    `# ${doc.label}: already a cilium-config ConfigMap (read as Cilium ${versionLabel(doc.version)}); nothing to render, its keys as written.`,
    ...configMapLines(data),
  ];
  return { docIndex: doc.source.docIndex, text: body.join('\n') + '\n', rendered: true };
}

/** The chart render of a document, or the reason it could not run (unreadable values: never a crash). */
function renderSafely(doc: DocumentAnalysis): ChartRender | { error: string } | undefined {
  try {
    return renderSource(doc.source, doc.version);
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] ?? 'the chart could not be rendered' };
  }
}

/** The Cilium documents of an analysed file, or only the one at `docIndex` (its YAML document index), rendered. */
export function renderedDocuments(
  documents: readonly DocumentAnalysis[],
  text: string,
  docIndex?: number,
): RenderedDocument[] {
  return documents
    .filter((d) => docIndex === undefined || d.source.docIndex === docIndex)
    .map((d) => formatRenderedDocument(d, text));
}

/**
 * The rendered documents joined by `---`, as kubectl separates objects. Null when the file has no Cilium document
 * (or none at that index).
 */
export function renderedConfigText(
  documents: readonly DocumentAnalysis[],
  text: string,
  docIndex?: number,
): string | null {
  const docs = renderedDocuments(documents, text, docIndex);
  return docs.length === 0 ? null : docs.map((d) => d.text).join('---\n');
}
