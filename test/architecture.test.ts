// The invariants of ARCHITECTURE.md, checked on the import graph of server/src (read with TypeScript's own
// parser, every `import`/`export … from`, type-only ones included):
// - the core imports no editor, protocol or CLI code, and only the packages listed for it;
// - the core has no import cycles (a cycle through types is still two modules that cannot be understood apart);
// - the template engine (core/chart/template) depends on nothing else of the core (but helpers that import
//   nothing themselves);
// - the front ends (the CLI and the language server) reach the core only through its public entry points
//   (core/index.ts and the other top-level modules of core/), never the internals in its folders (model, chart,
//   parse, rules, knowledge, fixes…).
// Each rule names the offending file and import, so a violation says what to change.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { findRepoRoot } from '../tools/repoRoot';
import { tsFilesUnder } from './sourceFiles';

const SRC = path.join(findRepoRoot(), 'server/src');

interface Import {
  /** The specifier as written ('../lsp/protocol', 'yaml'). */
  spec: string;
  /** The file it resolves to, relative to server/src (undefined for a package). */
  file?: string;
  typeOnly: boolean;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
    if (existsSync(candidate)) return path.relative(SRC, candidate);
  return undefined;
}

function importsOf(file: string): Import[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: Import[] = [];
  for (const st of sf.statements) {
    if (
      !(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) ||
      !st.moduleSpecifier ||
      !ts.isStringLiteral(st.moduleSpecifier)
    )
      continue;
    const spec = st.moduleSpecifier.text;
    let typeOnly: boolean;
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else typeOnly = st.isTypeOnly;
    const local = spec.startsWith('.');
    out.push({ spec, file: local ? resolveLocal(file, spec) : undefined, typeOnly });
  }
  return out;
}

/** The import graph of server/src: file (relative to server/src) → its imports. */
export function importGraph(): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  for (const f of tsFilesUnder(SRC)) graph.set(path.relative(SRC, f), importsOf(f));
  return graph;
}

/** The package name of a bare specifier ('node:fs' → 'node:', '@scope/x/y' → '@scope/x'). */
function packageOf(spec: string): string {
  if (spec.startsWith('node:')) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
export function cycles(graph: Map<string, Import[]>, within: (f: string) => boolean): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const e of graph.get(v) ?? []) {
      const w = e.file;
      if (!w || !within(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).some((e) => e.file === v)) found.push(scc.sort());
    }
  };
  for (const f of [...graph.keys()].filter(within)) if (!index.has(f)) visit(f);
  return found;
}

const inCore = (f: string) => f.startsWith('core/');

/** Packages the core may use (ARCHITECTURE.md), Node's built-ins among them. */
const CORE_PACKAGES = new Set(['yaml', 'zod', 'fastest-levenshtein', 'node:']);
/** What the core must never import: the editor, the protocol, the CLI. */
const FORBIDDEN_FOR_CORE = /^(lsp|cli|io)\//;
const FORBIDDEN_PACKAGES =
  /^(vscode|vscode-languageserver|vscode-languageserver-protocol|vscode-languageserver-textdocument|vscode-languageclient|vscode-jsonrpc)$/;

/** The violations of the rules above, in words, for a graph. */
export function violations(graph: Map<string, Import[]>): string[] {
  const out: string[] = [];
  for (const [file, imports] of graph) {
    for (const i of imports) {
      if (inCore(file)) {
        if (i.file && FORBIDDEN_FOR_CORE.test(i.file))
          out.push(`${file} imports ${i.spec}: the core imports no editor, protocol, CLI or file-system code`);
        if (!i.spec.startsWith('.')) {
          const pkg = packageOf(i.spec);
          if (FORBIDDEN_PACKAGES.test(pkg))
            out.push(`${file} imports ${i.spec}: the core imports no VS Code or LSP package`);
          else if (!CORE_PACKAGES.has(pkg))
            out.push(`${file} imports ${i.spec}: not a package the core may use (${[...CORE_PACKAGES].join(', ')})`);
        }
        // A helper that itself imports nothing (textRuns.ts) brings no dependency along.
        const leaf = i.file !== undefined && (graph.get(i.file) ?? []).length === 0;
        if (file.startsWith('core/chart/template/') && i.file && !i.file.startsWith('core/chart/template/') && !leaf) {
          out.push(
            `${file} imports ${i.spec}: the template engine depends on nothing else of the core (but helpers that import nothing)`,
          );
        }
      }
      // The core's public entry points are its top-level modules (core/index.ts gathers them); its folders
      // (model, chart, parse, rules, knowledge, fixes…) are internals that may change shape.
      const frontEnd = file.startsWith('cli/')
        ? 'the CLI'
        : file.startsWith('lsp/')
          ? 'the language server'
          : undefined;
      if (frontEnd && i.file && inCore(i.file) && i.file.slice('core/'.length).includes('/')) {
        out.push(
          `${file} imports ${i.spec}: ${frontEnd} uses the core's public entry points (core/index.ts, top-level modules), not its internals`,
        );
      }
    }
  }
  for (const c of cycles(graph, inCore)) out.push(`import cycle in the core: ${c.join(' → ')}`);
  return out;
}

describe('architecture (ARCHITECTURE.md, "Rules of the road")', () => {
  const graph = importGraph();

  it('reads the whole tree (the check is not vacuous)', () => {
    assert.ok([...graph.keys()].filter(inCore).length > 100, 'core files found');
    assert.ok(
      [...graph.keys()].some((f) => f.startsWith('cli/')),
      'CLI files found',
    );
    assert.ok(
      [...graph.keys()].some((f) => f.startsWith('lsp/')),
      'language server files found',
    );
    const edges = [...graph.values()].reduce((n, list) => n + list.filter((i) => i.file).length, 0);
    assert.ok(edges > 500, `${edges} local imports`);
  });

  it('holds for server/src', () => {
    assert.deepEqual(violations(graph), []);
  });

  it('catches each kind of violation (checked on a copy of the graph with one bad import added)', () => {
    const withImport = (file: string, i: Import): Map<string, Import[]> => {
      const g = new Map(graph);
      g.set(file, [...(g.get(file) ?? []), i]);
      return g;
    };
    const one = (g: Map<string, Import[]>) => violations(g);
    assert.match(
      one(withImport('core/explain.ts', { spec: '../lsp/protocol', file: 'lsp/protocol.ts', typeOnly: true })).join(
        '\n',
      ),
      /core\/explain\.ts imports \.\.\/lsp\/protocol/,
    );
    assert.match(
      one(withImport('core/hover.ts', { spec: 'vscode-languageserver', typeOnly: false })).join('\n'),
      /no VS Code or LSP package/,
    );
    assert.match(
      one(withImport('core/fixes/context.ts', { spec: '../analyze', file: 'core/analyze.ts', typeOnly: true })).join(
        '\n',
      ),
      /import cycle in the core: .*core\/analyze\.ts.*core\/fixes\/context\.ts/,
    );
    assert.match(
      one(
        withImport('cli/main.ts', { spec: '../core/model/state', file: 'core/model/state.ts', typeOnly: false }),
      ).join('\n'),
      /cli\/main\.ts imports \.\.\/core\/model\/state: the CLI uses the core's public entry points/,
    );
    assert.match(
      one(
        withImport('lsp/settings.ts', {
          spec: '../core/knowledge/ruleCatalog',
          file: 'core/knowledge/ruleCatalog.ts',
          typeOnly: false,
        }),
      ).join('\n'),
      /lsp\/settings\.ts imports \.\.\/core\/knowledge\/ruleCatalog: the language server uses the core's public entry points/,
    );
    assert.match(
      one(
        withImport('lsp/hover.ts', { spec: '../core/model/state', file: 'core/model/state.ts', typeOnly: true }),
      ).join('\n'),
      /the language server uses the core's public entry points/,
    );
    assert.match(
      one(
        withImport('core/chart/template/exec.ts', { spec: '../../analyze', file: 'core/analyze.ts', typeOnly: false }),
      ).join('\n'),
      /template engine depends on nothing/,
    );
  });
});
