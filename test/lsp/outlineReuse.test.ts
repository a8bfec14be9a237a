// The Outline and folds are built by top-level section and kept across versions (lsp/outlineReuse.ts): after an
// edit only the section it touched is built again, and the sections below it are moved when lines came or went.
// Checked on the shipped 1.18 chart values.yaml (~4,600 lines) through the server's own document sync: the work
// done is counted (sections built), and every answer must equal one built from scratch for that text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import { chartValuesText } from '../../server/src/core/chart/values/chartValues';
import { documentSymbols, foldingRanges, outlineSections, outlineSteps } from '../../server/src/core/outline';
import { DocumentAnalyses, trackedDocuments } from '../../server/src/lsp/documentAnalyses';
import {
  outlineAnswer,
  outlineFolds,
  outlineJsonSteps,
  outlineSymbols,
  shiftLines,
} from '../../server/src/lsp/outlineReuse';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const CHART = `# cilium-version: 1.18\n${chartValuesText('1.18')!}`;

/** The open document as the server holds it, and what it answers for the current version. */
function openChart(text = CHART) {
  const analyses = new DocumentAnalyses();
  const documents = trackedDocuments(analyses);
  let doc: TextDocument = documents.create('file:///ws/values.yaml', 'yaml', 1, text);
  const answer = () => {
    const analysis = analyses.get(doc, DEFAULT_SETTINGS);
    const before = { ...outlineSteps };
    const symbols = outlineSymbols(doc, analysis);
    const folds = outlineFolds(doc, analysis);
    return {
      symbols,
      folds,
      built: { symbols: outlineSteps.symbols - before.symbols, folds: outlineSteps.folds - before.folds },
    };
  };
  /** The Outline's JSON as the server sends it, and how many top-level symbols were written or shifted for it. */
  const json = () => {
    const before = { ...outlineJsonSteps };
    const analysis = analyses.get(doc, DEFAULT_SETTINGS);
    const bytes = outlineAnswer(doc, analysis).bytes;
    const symbols = outlineSymbols(doc, analysis);
    return {
      symbols,
      text: bytes.toString('utf8'),
      written: outlineJsonSteps.written - before.written,
      shifted: outlineJsonSteps.shifted - before.shifted,
    };
  };
  /** Replaces [from, to) of the current text (offsets) with `insert`, as an editor's incremental change. */
  const edit = (from: number, to: number, insert: string) => {
    doc = documents.update(
      doc,
      [{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text: insert }],
      doc.version + 1,
    );
  };
  /** The Outline's JSON for the current version, as the server writes it. */
  const bytes = () => outlineAnswer(doc, analyses.get(doc, DEFAULT_SETTINGS)).bytes;
  return { answer, json, bytes, edit, text: () => doc.getText(), doc: () => doc };
}

/** What a server that just opened this text answers (nothing kept from earlier versions). */
function fresh(text: string) {
  const { answer } = openChart(text);
  const { symbols, folds } = answer();
  return { symbols, folds };
}

const lineStart = (text: string, re: RegExp) => {
  const m = re.exec(text);
  assert.ok(m, `no ${re}`);
  return m.index;
};

describe('Outline and folds kept by section across versions', () => {
  it('give exactly what the whole-file walk gives (symbols, and folds in any order)', () => {
    const analysis = analyze(CHART, { version: '1.18' });
    const sections = outlineSections(analysis);
    assert.ok(sections && sections.length > 100, 'the chart is split into its top-level keys');
    assert.deepEqual(
      sections.map((s) => s.symbol()),
      documentSymbols(analysis),
    );
    const key = (f: { start: number; end: number; kind?: string }) => `${f.start}-${f.end}-${f.kind ?? ''}`;
    assert.deepEqual(sections.flatMap((s) => s.folds().map(key)).sort(), foldingRanges(analysis).map(key).sort());
  });

  it('rebuilds only the section an edit touched, and answers as a fresh server would', () => {
    const chart = openChart();
    const first = chart.answer();
    const sections = first.symbols.length;
    assert.ok(sections > 100);
    assert.equal(first.built.symbols, sections, 'the first answer builds every section');

    // A value changed inside bpf: (same number of lines).
    const masq = lineStart(chart.text(), /\n {2}masquerade: ~/) + '\n  masquerade: '.length;
    chart.edit(masq, masq + 1, 'true');
    const changed = chart.answer();
    assert.deepEqual(changed.built, { symbols: 1, folds: 1 });
    assert.deepEqual(changed, { ...fresh(chart.text()), built: changed.built });
    const bpf = changed.symbols.find((s) => s.name === 'bpf');
    assert.equal(bpf?.children?.find((c) => c.name === 'masquerade')?.detail, 'true');

    // A line inserted near the top: every section below moves down one line, none is rebuilt but the touched one.
    const early = lineStart(chart.text(), /\n {2}enabled: false/) + 1;
    chart.edit(early, early, '  extra: 1\n');
    const inserted = chart.answer();
    assert.deepEqual(inserted.built, { symbols: 1, folds: 1 });
    assert.deepEqual(inserted, { ...fresh(chart.text()), built: inserted.built });
    const bpfNow = inserted.symbols.find((s) => s.name === 'bpf');
    assert.equal(bpfNow?.range.start.line, bpf!.range.start.line + 1, 'bpf moved down by the inserted line');

    // And removed again.
    chart.edit(early, early + '  extra: 1\n'.length, '');
    const removed = chart.answer();
    assert.deepEqual(removed.built, { symbols: 1, folds: 1 });
    assert.deepEqual(removed, { ...fresh(chart.text()), built: removed.built });
  });

  it('stays right over a chain of edits: top-level keys and comment blocks added, comment lines removed', () => {
    const chart = openChart();
    const sections = chart.answer().symbols.length;
    let seed = 13;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    /** Offsets of the lines that match (each edit stays valid YAML, so the parse stays incremental). */
    const lines = (re: RegExp) => [...chart.text().matchAll(re)].map((m) => m.index);
    let built = 0;
    for (let i = 0; i < 12; i++) {
      const kind = i % 3;
      if (kind === 2) {
        const at = pick(lines(/^ *# .*\n/gm));
        chart.edit(at, chart.text().indexOf('\n', at) + 1, '');
      } else {
        const at = pick(lines(/^[a-z]\w*:/gm));
        chart.edit(at, at, kind === 0 ? `addedKey${i}:\n  nested: ${i}\n` : '# one\n# two\n');
      }
      const got = chart.answer();
      built += got.built.symbols;
      assert.deepEqual({ symbols: got.symbols, folds: got.folds }, fresh(chart.text()), `edit ${i + 1} (kind ${kind})`);
      assert.equal(chart.bytes().toString('utf8'), JSON.stringify(got.symbols), `JSON after edit ${i + 1}`);
    }
    assert.ok(built <= 12 * 2, `${built} sections built over 12 edits of a file of ${sections}`);
  });

  it("keeps each section's JSON: an edit writes only the section it touched, and moves the others' text", () => {
    const chart = openChart();
    const first = chart.json();
    const sections = first.symbols.length;
    assert.equal(first.written, sections, 'the first answer writes every section');
    assert.equal(first.text, JSON.stringify(first.symbols));

    // A value changed inside bpf: that section is written again, the others are sent as they were.
    const masq = lineStart(chart.text(), /\n {2}masquerade: ~/) + '\n  masquerade: '.length;
    chart.edit(masq, masq + 1, 'true');
    const changed = chart.json();
    assert.deepEqual([changed.written, changed.shifted], [1, 0]);
    assert.equal(changed.text, JSON.stringify(changed.symbols));

    // A line inserted near the top, then removed: the sections below are moved by shifting their text.
    const early = lineStart(chart.text(), /\n {2}enabled: false/) + 1;
    chart.edit(early, early, '  extra: 1\n');
    const inserted = chart.json();
    assert.equal(inserted.written, 1);
    assert.ok(inserted.shifted > sections / 2, `${inserted.shifted} of ${sections} sections shifted`);
    assert.equal(inserted.text, JSON.stringify(inserted.symbols));
    assert.equal(inserted.text, JSON.stringify(fresh(chart.text()).symbols));
    chart.edit(early, early + '  extra: 1\n'.length, '');
    const removed = chart.json();
    assert.equal(removed.written, 1);
    assert.equal(removed.text, JSON.stringify(fresh(chart.text()).symbols));
  });

  it('moves only the JSON for a byte stream, and only the trees for node-ipc', () => {
    const chart = openChart();
    void chart.bytes();
    const early = lineStart(chart.text(), /\n {2}enabled: false/) + 1;
    chart.edit(early, early, '  extra: 1\n');
    const before = { ...outlineJsonSteps };
    const bytes = chart.bytes();
    const jsonOnly = { ...outlineJsonSteps };
    assert.equal(jsonOnly.treesMoved - before.treesMoved, 0, 'no symbol tree copied to write the JSON');
    assert.ok(jsonOnly.shifted - before.shifted > 100, 'the moved sections were shifted as text');
    const symbols = chart.answer().symbols;
    assert.ok(
      outlineJsonSteps.treesMoved - jsonOnly.treesMoved > 100,
      'the trees are made when the value is asked for',
    );
    assert.equal(outlineJsonSteps.shifted, jsonOnly.shifted, 'and no JSON is made for them');
    assert.equal(bytes.toString('utf8'), JSON.stringify(symbols));
    assert.deepEqual(symbols, fresh(chart.text()).symbols);
  });

  it('shifts the line of every position and nothing else, whatever the names and values hold', () => {
    const tricky = [
      {
        name: '{"line":5,',
        detail: 'say {\\"line\\":7} "line": 3 \\',
        kind: 15,
        range: { start: { line: 10, character: 0 }, end: { line: 12, character: 4 } },
        selectionRange: { start: { line: 10, character: 0 }, end: { line: 10, character: 9 } },
        children: [
          {
            name: 'line',
            kind: 16,
            range: { start: { line: 99, character: 2 }, end: { line: 100, character: 0 } },
            selectionRange: { start: { line: 99, character: 2 }, end: { line: 99, character: 6 } },
          },
        ],
      },
    ];
    const moved = (lines: number) =>
      JSON.parse(JSON.stringify(tricky), (k, v: unknown) =>
        k === 'line' && typeof v === 'number' ? v + lines : v,
      ) as unknown;
    for (const lines of [1, -1, 7, -10, 1000])
      assert.equal(shiftLines(JSON.stringify(tricky), lines), JSON.stringify(moved(lines)), `by ${lines}`);
  });
});
