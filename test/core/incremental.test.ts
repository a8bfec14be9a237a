// The incremental parse (server/src/core/parse/sections.ts) must never change a result: random chains of edits
// (characters and lines typed or deleted, corpus fragments pasted, the line break before a section deleted so
// two sections merge, lines indented and dedented, values replaced) over the upstream values.yaml of every
// chart in ../shared/cilium-charts, the real-world corpus and a large synthetic file. After every edit the
// analysis the language server makes (through its document sync, with the editor's change ranges) and the one
// made with no ranges (texts compared) must equal a fresh full analysis: findings, fixes, ranges, verdicts,
// rendered keys. Seeded; INCREMENTAL_EDITS multiplies the number of edits (INCREMENTAL_EDITS=50 for a long
// run), INCREMENTAL_SEED picks another seed, INCREMENTAL_COPIES sizes the synthetic file (chart copies).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import {
  IncrementalSession,
  parseIncrementally,
  sectionStarts,
  sectionStartsAfter,
} from '../../server/src/core/parse/sections';
import { keyFindingSteps } from '../../server/src/core/rules/keyRules';
import { valueReadSteps } from '../../server/src/core/chart/helm/goYaml';
import { templatedSettingSteps } from '../../server/src/core/model/chartModel';
import { DocumentAnalyses, optionsFor, trackedDocuments } from '../../server/src/lsp/documentAnalyses';
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../../server/src/lsp/settings';
import { findRepoRoot } from '../../tools/repoRoot';

const shared = path.resolve(findRepoRoot(), '../shared');
const chartsDir = path.join(shared, 'cilium-charts');
const corpusDir = path.join(shared, 'corpus/real');
const SCALE = Number(process.env.INCREMENTAL_EDITS ?? 1);
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261130);
const COPIES = Number(process.env.INCREMENTAL_COPIES ?? 2);

/** Everything a user sees of an analysis, as JSON (the parser objects behind `source` left out). */
function comparable(a: Analysis): string {
  const docs = a.documents.map((d) => ({
    ...d,
    source: { kind: d.source.kind, label: d.source.label, anchor: d.source.anchor, problems: d.source.problems },
  }));
  return JSON.stringify({ file: a.fileFindings, docs }, (_k, v) =>
    v instanceof Map ? [...v] : v instanceof Set ? [...v] : v,
  );
}

/** Where two JSON texts first differ, with some context (for a readable failure). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `incremental: …${a.slice(Math.max(0, i - 160), i + 160)}…\nfull:        …${b.slice(Math.max(0, i - 160), i + 160)}…`;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

interface Edit {
  start: number;
  end: number;
  text: string;
  what: string;
}

const TYPED = [
  'x',
  ' ',
  '\n',
  ': ',
  'true',
  'false',
  '42',
  '"on"',
  '  ',
  '#',
  '- ',
  'enabled: true\n',
  'bpf:\n  masquerade: true\n',
  '\t',
  '&a ',
  '*a',
  '---\n',
  '{{ .Values.x }}',
  '"',
  '[',
];

/** One random edit of `text`, of the kinds people make (and the traps of the section split). */
function randomEdit(text: string, rand: () => number, fragments: readonly string[]): Edit {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const at = Math.floor(rand() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  const kind = rand();
  if (kind < 0.25) return { start: at, end: at, text: pick(TYPED), what: 'type' };
  if (kind < 0.4)
    return {
      start: at,
      end: Math.min(text.length, at + 1 + Math.floor(rand() * 6)),
      text: '',
      what: 'delete characters',
    };
  if (kind < 0.5) return { start: lineStart, end: Math.min(text.length, lineEnd + 1), text: '', what: 'delete line' };
  if (kind < 0.6) return { start: lineStart, end: lineStart, text: '  ', what: 'indent' };
  if (kind < 0.67) {
    const spaces = text.slice(lineStart, lineStart + 2) === '  ' ? 2 : text[lineStart] === ' ' ? 1 : 0;
    return { start: lineStart, end: lineStart + spaces, text: '', what: 'dedent' };
  }
  if (kind < 0.77) {
    // The line break just before a top-level section: the two sections become one line.
    const starts = sectionStarts(text).filter((s) => s > 0);
    if (starts.length > 0) {
      const s = pick(starts);
      return { start: s - 1, end: s, text: '', what: 'join sections' };
    }
  }
  if (kind < 0.87 && fragments.length > 0)
    return { start: lineStart, end: lineStart, text: pick(fragments), what: 'paste fragment' };
  // Replace a value after a colon on this line.
  const line = text.slice(lineStart, lineEnd);
  const colon = line.indexOf(': ');
  if (colon >= 0)
    return {
      start: lineStart + colon + 2,
      end: lineEnd,
      text: pick(['true', 'false', '"maybe"', '1', '', 'disabled', 'strict']),
      what: 'replace value',
    };
  return { start: at, end: at, text: pick(TYPED), what: 'type' };
}

/** A few lines out of a corpus file, ending with a line break (what a paste looks like). */
function fragmentsOf(texts: readonly string[], rand: () => number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count && texts.length > 0; i++) {
    const lines = texts[Math.floor(rand() * texts.length)].split('\n');
    const from = Math.floor(rand() * lines.length);
    out.push(`${lines.slice(from, from + 1 + Math.floor(rand() * 6)).join('\n')}\n`);
  }
  return out;
}

interface Stats {
  edits: number;
  incremental: number;
  sectionsParsed: number;
  sectionsTotal: number;
}

/**
 * A chain of edits from `start`. Each edit goes through the server's document sync (change ranges) and through a
 * session that is given no ranges; both analyses must equal a fresh one.
 */
function checkChain(
  name: string,
  start: string,
  edits: number,
  rand: () => number,
  fragments: readonly string[],
  settings: EffectiveSettings,
  stats: Stats,
): void {
  const uri = `file:///ws/${name.replace(/[^\w.-]/g, '_')}`;
  const analyses = new DocumentAnalyses();
  const documents = trackedDocuments(analyses);
  let doc: TextDocument = documents.create(uri, 'yaml', 1, start);
  const blind = new IncrementalSession();
  const options = optionsFor(doc, settings);
  analyses.get(doc, settings);
  analyze(start, { ...options, incremental: blind });
  let text = start;
  for (let i = 0; i < edits; i++) {
    const e = randomEdit(text, rand, fragments);
    // An editor never puts a position between the \r and \n of a CRLF (LSP cannot even express one).
    const outsideCrlf = (o: number) => (text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o);
    e.start = outsideCrlf(e.start);
    e.end = Math.max(e.start, outsideCrlf(e.end));
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    doc = documents.update(
      doc,
      [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text }],
      doc.version + 1,
    );
    assert.equal(doc.getText(), text, 'the document sync applied the edit');
    const full = comparable(analyze(text, options));
    // One of the two each time (each skips the others' edits, so spans of several edits are checked too).
    if (rand() < 0.5) {
      const viaServer = comparable(analyses.get(doc, settings));
      if (viaServer !== full)
        assert.fail(
          `${name}, edit ${i + 1} (${e.what} ${JSON.stringify(e.text)} at ${e.start}-${e.end}), server's incremental analysis differs:\n${firstDifference(viaServer, full)}`,
        );
      continue;
    }
    const withoutRanges = comparable(analyze(text, { ...options, incremental: blind }));
    if (withoutRanges !== full)
      assert.fail(
        `${name}, edit ${i + 1} (${e.what} ${JSON.stringify(e.text)} at ${e.start}-${e.end}), incremental analysis without ranges differs:\n${firstDifference(withoutRanges, full)}`,
      );
    stats.edits++;
    if (blind.last && !blind.last.whole) {
      stats.incremental++;
      stats.sectionsParsed += blind.last.sectionsParsed;
      stats.sectionsTotal += sectionStarts(text).length;
    }
  }
}

function readCharts(): { version: string; text: string }[] {
  if (!existsSync(chartsDir)) return [];
  return readdirSync(chartsDir)
    .filter((d) => /^v1\.\d+$/.test(d) && existsSync(path.join(chartsDir, d, 'values.yaml')))
    .sort()
    .map((d) => ({ version: d.slice(1), text: readFileSync(path.join(chartsDir, d, 'values.yaml'), 'utf8') }));
}

function readCorpus(): { name: string; text: string }[] {
  if (!existsSync(corpusDir)) return [];
  return readdirSync(corpusDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(corpusDir, f), 'utf8') }))
    .filter((f) => f.text.length < 200_000);
}

/** Copies of a chart's values with their top-level keys renamed, one after another: a large, valid values file. */
function syntheticLarge(chart: string, copies: number): string {
  const parts = [chart];
  for (let c = 1; c < copies; c++)
    parts.push(chart.replace(/^([A-Za-z][\w-]*):/gm, (_m, k: string) => `${k}Copy${c}:`));
  return parts.join('\n');
}

describe('incremental parse: the same result as a full analysis', () => {
  const charts = readCharts();
  const corpus = readCorpus();
  const rand = rng(SEED);
  const fragments = fragmentsOf(
    corpus.map((c) => c.text),
    rand,
    40,
  );
  // Counted on the charts and the large file only: most corpus files are wrappers or several documents, parsed
  // whole by design, and long chains pile up syntax errors.
  const stats: Stats = { edits: 0, incremental: 0, sectionsParsed: 0, sectionsTotal: 0 };
  const notCounted: Stats = { edits: 0, incremental: 0, sectionsParsed: 0, sectionsTotal: 0 };

  it('has the upstream charts and the corpus to edit', () => {
    assert.ok(charts.length >= 9, `${charts.length} charts in ${chartsDir}`);
    assert.ok(corpus.length >= 20, `${corpus.length} corpus files in ${corpusDir}`);
  });

  it('after every edit of every upstream chart', () => {
    for (const chart of charts) {
      // Each chart in several short chains, so most edits land on a file that still parses.
      for (let chain = 0; chain < SCALE; chain++) {
        checkChain(
          `v${chart.version}-values.yaml`,
          chart.text,
          3,
          rand,
          fragments,
          { ...DEFAULT_SETTINGS, version: chart.version },
          stats,
        );
      }
    }
  });

  it('after every edit of every corpus file', () => {
    for (const file of corpus)
      checkChain(file.name, file.text, 2 * SCALE, rand, fragments, DEFAULT_SETTINGS, notCounted);
  });

  it('after every edit of a large synthetic values file', () => {
    const newest = charts[charts.length - 1];
    const large = syntheticLarge(newest.text, COPIES);
    for (let chain = 0; chain < SCALE; chain++)
      checkChain('large-values.yaml', large, 4, rand, fragments, DEFAULT_SETTINGS, stats);
  });

  it('really parsed incrementally, a small part of each file', () => {
    // Without the incremental parse every edit would be a whole parse: this is what fails if it is removed.
    assert.ok(
      stats.incremental >= stats.edits / 4,
      `${stats.incremental} of ${stats.edits} edits parsed incrementally (${JSON.stringify(stats)})`,
    );
    assert.ok(
      stats.sectionsParsed * 5 < stats.sectionsTotal,
      `${stats.sectionsParsed} sections parsed of ${stats.sectionsTotal}`,
    );
  });
});

describe('incremental parse: what it reuses and when it parses the whole file', () => {
  const chart =
    'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n# a comment\nipam:\n  mode: kubernetes\nhubble:\n  enabled: false\n';

  it('parses again only the section an edit is in, and reuses the key findings of the others', () => {
    const session = new IncrementalSession();
    analyze(chart, { version: '1.18', incremental: session });
    const at = chart.indexOf('masquerade: true') + 'masquerade: '.length;
    session.changed(at, at + 4, 5);
    const edited = `${chart.slice(0, at)}false${chart.slice(at + 4)}`;
    const before = { ...keyFindingSteps };
    const read = { ...valueReadSteps };
    const templated = { ...templatedSettingSteps };
    const a = analyze(edited, { version: '1.18', incremental: session });
    assert.deepEqual(session.last, { sectionsParsed: 1, whole: false });
    assert.equal(keyFindingSteps.computed - before.computed, 1, 'only the edited top-level entry is checked again');
    assert.equal(keyFindingSteps.reused - before.reused, 3);
    // The values the chart is rendered with, and the search for templated settings: the same, entry by entry.
    assert.equal(valueReadSteps.read - read.read, 1, 'only the edited top-level entry is read again');
    assert.equal(valueReadSteps.reused - read.reused, 3);
    assert.equal(templatedSettingSteps.searched - templated.searched, 1);
    assert.equal(templatedSettingSteps.reused - templated.reused, 3);
    assert.equal(comparable(a), comparable(analyze(edited, { version: '1.18' })));
  });

  it('moves the findings of later sections with the text inserted before them', () => {
    const text = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\nhubble:\n  enabledd: true\n';
    const session = new IncrementalSession();
    analyze(text, { version: '1.18', incremental: session });
    session.changed(0, 0, '# cilium\n'.length);
    const edited = `# cilium\n${text}`;
    const a = analyze(edited, { version: '1.18', incremental: session });
    const unknown = a.documents[0].findings.find((f) => f.rule === 'unknown-key');
    assert.ok(unknown, JSON.stringify(a.documents[0].findings.map((f) => f.rule)));
    assert.equal(edited.slice(unknown.range.start, unknown.range.end), 'enabledd');
    assert.equal(comparable(a), comparable(analyze(edited, { version: '1.18' })));
  });

  it('parses the whole file when sections could depend on each other', () => {
    const cases: [string, string][] = [
      ['several documents', 'a: 1\n---\nb: 2\n'],
      ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
      ['a template', 'a: {{ .Values.x }}\nb: 2\n'],
      ['a parse error', 'a: "open\nb: 2\n'],
      ['a top-level flow mapping', '{a: 1,\nb: 2}\n'],
      ['a tag', 'a: !!str 1\nb: 2\n'],
    ];
    for (const [what, text] of cases) assert.equal(parseIncrementally(text).whole, true, what);
    assert.equal(parseIncrementally('a: 1\nb:\n- 2\n# c\n').whole, false, 'a plain values file is parsed by section');
  });

  it('splits an edited text into the same sections as a fresh split, looking only near the edit', () => {
    const rand = rng(SEED + 1);
    const texts = [chart, ...readCharts().map((c) => c.text)];
    for (const start of texts) {
      let text = start;
      for (let i = 0; i < 40; i++) {
        const e = randomEdit(text, rand, ['a: 1\n', '# note\nb:\n  c: 2\n', '\n\n']);
        const edited = text.slice(0, e.start) + e.text + text.slice(e.end);
        const change = { start: e.start, oldEnd: e.end, newEnd: e.start + e.text.length };
        assert.deepEqual(
          sectionStartsAfter(edited, sectionStarts(text), change),
          sectionStarts(edited),
          `${e.what} ${JSON.stringify(e.text)} at ${e.start}-${e.end}`,
        );
        text = edited;
      }
    }
  });

  it('re-splits when an edit joins two sections (the line break before a key deleted)', () => {
    const text = 'a:\n  x: 1\nb:\n  y: 2\nc: 3\n';
    const session = new IncrementalSession();
    analyze(text, { version: '1.18', incremental: session });
    const at = text.indexOf('b:') - 1;
    session.changed(at, at + 1, 0);
    const joined = text.slice(0, at) + text.slice(at + 1);
    const a = analyze(joined, { version: '1.18', incremental: session });
    assert.equal(comparable(a), comparable(analyze(joined, { version: '1.18' })));
  });
});
