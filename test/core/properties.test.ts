// Property tests (fast-check, issue 10): random Cilium-looking documents and random edit chains. Bounded to
// a few seconds: fixed seeds, small run counts. What must hold for every input:
// - the analysis never throws and never reports an internal error;
// - analysing the same text twice gives the same result, and after a chain of edits (applied as the language
//   server applies them) the result equals a fresh analysis of the final text;
// - the CLI's JSON for the final texts, from a fresh `dist/cli.js` process, equals the core's result here;
// - the linear pre-passes stay within a step budget proportional to the input (steps, not time);
// - the nesting pre-scan never estimates less than the depth the parser really builds.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isSeq, parseAllDocuments, type Node } from 'yaml';
import { toJson } from '../../server/src/cli/report';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { hoverAt } from '../../server/src/core/hover';
import { allPathsIn } from '../../server/src/core/knowledge/catalog';
import { findExcessiveNesting, nestingScanSteps } from '../../server/src/core/parse/nesting';
import { maskSteps } from '../../server/src/core/parse/templates';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const cliJs = path.join(repoRoot, 'dist/cli.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-props-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------
// What an analysis means to a user, without parser objects: compared across runs and processes.

function view(a: Analysis): unknown {
  return {
    file: a.fileFindings.map((f) => [f.rule, f.severity, f.message, f.range.start, f.range.end]),
    documents: a.documents.map((d) => ({
      index: d.index,
      kind: d.kind,
      version: d.version,
      datapath: [
        d.datapath.kubeProxyReplacement.status,
        d.datapath.hostRouting.status,
        d.datapath.masquerading.mode,
        d.datapath.routing.mode,
        d.datapath.agentStarts,
        d.datapath.installSucceeds,
      ],
      findings: d.findings.map((f) => [
        f.rule,
        f.severity,
        f.message,
        f.range.start,
        f.range.end,
        (f.fixes ?? []).map((x) => x.edits),
      ]),
    })),
  };
}

function checked(text: string): Analysis {
  const a = analyze(text);
  const internal = [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)].filter(
    (f) => f.rule === 'internal-error',
  );
  assert.deepEqual(
    internal.map((f) => f.message),
    [],
    `internal error for ${JSON.stringify(text.slice(0, 300))}`,
  );
  return a;
}

/** The linear pre-passes: characters looked at stay within a small multiple of the input's length. */
function withinStepBudget(text: string): void {
  maskSteps.count = 0;
  nestingScanSteps.count = 0;
  analyze(text);
  const budget = 2 * text.length + 16;
  assert.ok(maskSteps.count <= budget, `masking took ${maskSteps.count} steps for ${text.length} characters`);
  assert.ok(
    nestingScanSteps.count <= budget,
    `nesting scan took ${nestingScanSteps.count} steps for ${text.length} characters`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Generators

const PATHS = allPathsIn('1.16').filter(
  (p, i) =>
    i % 7 === 0 || /^(kubeProxyReplacement|bpf\.|routingMode|tunnelProtocol|ipam\.|hubble\.enabled|k8sService)/.test(p),
);
const VALUES = [
  'true',
  'false',
  '"true"',
  "'false'",
  'yes',
  '1',
  '6443',
  '10.0.0.1',
  'native',
  'tunnel',
  'vxlan',
  'geneve',
  'strict',
  'disabled',
  '~',
  '',
  '[]',
  '{}',
  '[a, b]',
  '{x: 1}',
  '{{ .Values.x }}',
  '{{- include "x" . }}',
  '${var.kpr}',
  '${1}',
  '%{ if a }x%{ endif }',
  '&anchor true',
  '*anchor',
  '"quoted # not a comment"',
  'value # a comment',
  '|\n  literal\n  text',
  '"unclosed',
  '[unclosed',
  '{{a}}{{a}}{{a}}x',
];
const BREAKS = ['\n', '\r\n', '\r'];
const ODD_SPACE = ['', ' ', '  ', '\t', ' \t', '\u00a0'];

/** One dotted path written as nested block mappings, with a value (or a flow form of it). */
const entryArb = fc.record({
  path: fc.constantFrom(...PATHS, 'unknownKey', 'bpf.masqurade', 'extraConfig.x', '<<', 'USER-SUPPLIED VALUES'),
  value: fc.constantFrom(...VALUES),
  trailing: fc.constantFrom(...ODD_SPACE),
  comment: fc.option(fc.constantFrom('# note', '# cilium-version: 1.14', '# {{ not a template }}'), { nil: undefined }),
  flow: fc.boolean(),
});

const lineArb = fc.oneof(
  {
    weight: 6,
    arbitrary: entryArb.map((e) => {
      const parts = e.path.split('.');
      const leaf = parts.pop()!;
      if (e.flow && parts.length > 0)
        return `${parts[0]}: {${[...parts.slice(1), leaf].join(': {')}: ${e.value.replace(/\n/g, ' ')}${'}'.repeat(parts.length)}${e.trailing}`;
      const lines = parts.map((p, i) => `${'  '.repeat(i)}${p}:`);
      const indent = '  '.repeat(parts.length);
      lines.push(
        `${indent}${leaf}: ${e.value.replace(/\n/g, `\n${indent}`)}${e.trailing}${e.comment ? ` ${e.comment}` : ''}`,
      );
      return lines.join('\n');
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---',
      '# cilium-version: 1.15',
      '{{- if .Values.enabled }}',
      '{{- end }}',
      '%{ if x }',
      '',
      '   ',
      '- item',
      '- - nested',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: cilium-config}',
      'data:',
      '  enable-bpf-masquerade: "true"',
      '  routing-mode: native',
    ),
  },
);

const documentArb = fc
  .record({ lines: fc.array(lineArb, { maxLength: 20 }), lineBreak: fc.constantFrom(...BREAKS), bom: fc.boolean() })
  .map(({ lines, lineBreak, bom }) => (bom ? '\uFEFF' : '') + lines.join('\n').replace(/\n/g, lineBreak) + lineBreak);

const SNIPPETS = [
  ...VALUES,
  'bpf:',
  '  masquerade: true',
  'kubeProxyReplacement: ',
  ': ',
  '- ',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '{{',
  '}}',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '  ',
  '---\n',
  '&a ',
  '*a',
  '<<: *a\n',
];

interface Edit {
  at: number; // 0..1 of the text length
  deleteLength: number;
  insert: string;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteLength: fc.nat({ max: 12 }),
  insert: fc.constantFrom(...SNIPPETS),
});

function smallCorpus(): string[] {
  const dir = path.resolve(repoRoot, '../shared/corpus/real');
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => path.join(dir, n))
    .filter((f) => statSync(f).size < 3000)
    .sort()
    .map((f) => readFileSync(f, 'utf8'));
}

// Final texts of every property run, for the one CLI comparison at the end.
const finals: string[] = [];

describe('property: random Cilium-looking documents', () => {
  it('never throw, are deterministic, stay within the step budget, and hover/completion never throw', () => {
    fc.assert(
      fc.property(documentArb, fc.double({ min: 0, max: 1, noNaN: true }), (text, where) => {
        const a = checked(text);
        assert.deepEqual(view(analyze(text)), view(a));
        withinStepBudget(text);
        const offset = Math.floor(where * text.length);
        hoverAt(a, text, offset);
        completeAt(a, text, offset);
        if (finals.length < 40) finals.push(text);
      }),
      { seed: 20261130, numRuns: 150 },
    );
  });
});

describe('property: edit chains', () => {
  const corpus = smallCorpus();
  it('has small corpus files to start from', () =>
    assert.ok(corpus.length >= 5, `${corpus.length} small corpus files`));

  it('as the language server applies them: the text matches, and the result equals a fresh analysis', () => {
    const startArb = fc.oneof(fc.constantFrom(...corpus), documentArb);
    fc.assert(
      fc.property(startArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let doc = TextDocument.create('file:///chain.yaml', 'yaml', 1, start);
        let last: Analysis | undefined;
        for (const e of edits) {
          // An editor never puts a position between the \r and \n of a CRLF (LSP cannot even express one).
          const notInsideCrlf = (o: number) => (text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
          const at = notInsideCrlf(Math.floor(e.at * text.length));
          const end = notInsideCrlf(Math.min(text.length, at + e.deleteLength));
          // The server receives ranges in line/character; the document turns them back into offsets.
          doc = TextDocument.update(
            doc,
            [{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: e.insert }],
            doc.version + 1,
          );
          text = text.slice(0, at) + e.insert + text.slice(end);
          assert.equal(doc.getText(), text);
          last = checked(text);
        }
        assert.deepEqual(view(analyze(text)), view(last!));
        withinStepBudget(text);
        if (finals.length < 80) finals.push(text);
      }),
      { seed: 4242, numRuns: 40 },
    );
  });
});

describe('property: the nesting pre-scan never underestimates', () => {
  type Tree = string | { map: [string, Tree][] } | { seq: Tree[] } | { flow: Tree[] };
  const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('x', '"q [ {"', "'it''s'", '1', 'a # [[', '[ "]" ]'),
      fc.record({
        map: fc.array(fc.tuple(fc.constantFrom('a', 'b', '"k: ["'), tie('tree')), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ seq: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ flow: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
    ),
  })).tree;

  function flowText(t: Tree): string {
    if (typeof t === 'string') return t.includes('#') ? 'x' : t;
    if ('flow' in t) return `[${t.flow.map(flowText).join(', ')}]`;
    if ('seq' in t) return `[${t.seq.map(flowText).join(', ')}]`;
    return `{${t.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  }
  function blockText(t: Tree, indent: number): string {
    const pad = ' '.repeat(indent);
    if (typeof t === 'string') return `${pad}${t}`;
    if ('flow' in t) return `${pad}${flowText(t)}`;
    if ('seq' in t)
      return t.seq
        .map((v) =>
          typeof v === 'string' || 'flow' in v ? `${pad}- ${blockText(v, 0)}` : `${pad}-\n${blockText(v, indent + 2)}`,
        )
        .join('\n');
    return t.map
      .map(([k, v]) =>
        typeof v === 'string' || 'flow' in v
          ? `${pad}${k}: ${blockText(v, 0)}`
          : `${pad}${k}:\n${blockText(v, indent + 2)}`,
      )
      .join('\n');
  }
  function depthOf(n: unknown): number {
    if (isMap(n)) return 1 + Math.max(0, ...n.items.map((p) => depthOf(p.value as Node)));
    if (isSeq(n)) return 1 + Math.max(0, ...n.items.map((i) => depthOf(i as Node)));
    return 0;
  }

  it('for random block and flow nesting with quotes and comments', () => {
    let checkedInputs = 0;
    let deepest = 0;
    fc.assert(
      fc.property(treeArb, fc.constantFrom(...BREAKS), (tree, lineBreak) => {
        const text = blockText(tree, 0).replace(/\n/g, lineBreak) + lineBreak;
        const docs = parseAllDocuments(text.replace(/\r(?!\n)/g, '\n'));
        if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return; // only inputs the parser accepts
        const depth = Math.max(0, ...docs.map((d) => depthOf(d.contents)));
        if (depth === 0) return;
        checkedInputs++;
        deepest = Math.max(deepest, depth);
        assert.ok(
          findExcessiveNesting(text, depth - 1),
          `estimate below the real depth ${depth} for ${JSON.stringify(text)}`,
        );
      }),
      { seed: 7, numRuns: 300 },
    );
    // The generator must really produce nesting the parser accepts, or this property checks nothing.
    assert.ok(checkedInputs >= 100 && deepest >= 4, `${checkedInputs} inputs checked, deepest ${deepest}`);
  });
});

describe('property: the CLI in a fresh process agrees with the core', () => {
  it('JSON of dist/cli.js for every final text equals the core result here', () => {
    assert.ok(finals.length >= 40, `${finals.length} texts collected`);
    const files = finals.map((text, i) => {
      const file = path.join(tmp, `final-${String(i).padStart(3, '0')}.yaml`);
      writeFileSync(file, text);
      return { file, text };
    });
    const r = spawnSync(process.execPath, [cliJs, '--format', 'json', ...files.map((f) => f.file)], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(r.signal, null, r.stderr);
    const cli = JSON.parse(r.stdout) as { files: { path: string }[] };
    // The CLI reads a UTF-8 BOM as an encoding mark, not as text; the core gets what the CLI reads.
    const read = (text: string) => text.replace(/^\uFEFF/, '');
    const core = toJson(
      files.map(({ file, text }) => ({ path: file, text: read(text), analysis: analyze(read(text), { path: file }) })),
    ) as { files: { path: string }[] };
    assert.equal(cli.files.length, files.length);
    for (let i = 0; i < files.length; i++) {
      assert.deepEqual(
        cli.files[i],
        core.files[i],
        `CLI and core disagree on ${JSON.stringify(files[i].text.slice(0, 200))}`,
      );
    }
  });
});
