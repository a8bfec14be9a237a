// Parses a file into YAML documents with source ranges, and turns every parser complaint into a positioned
// problem instead of an exception. Values are read with YAML 1.1 rules, as Helm and kubectl read them
// (sigs.k8s.io/yaml uses go-yaml v2): `yes`, `on`, `y` are booleans there, so they are booleans here.

import { Document, LineCounter, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Range } from '../types';
import { findExcessiveNesting, MAX_NESTING } from './nesting';
import { maskTemplates } from './templates';
import { partitionPoint } from '../partitionPoint';

export interface ParseProblem {
  code: string;
  message: string;
  range: Range;
  severity: 'error' | 'warning' | 'info';
}

export interface ParsedYaml {
  /** The text the parser saw (templates masked, same length as the original). */
  text: string;
  /** The text as given (templates not masked), for quoting the user. */
  source: string;
  documents: Document.Parsed[];
  problems: ParseProblem[];
  templates: Range[];
  /** Set when the text was not parsed at all because it nests too deeply (see nesting.ts). */
  refused?: ParseProblem;
}

/** Friendlier wording for the parser's error codes users meet most. */
const EXPLAIN: Record<string, string> = {
  DUPLICATE_KEY: 'This key appears twice in the same mapping; Helm keeps only the last one, so the first is ignored.',
  TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
  BAD_INDENT: 'The indentation here does not match the surrounding mapping.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; a colon or indentation is probably missing above.',
  BLOCK_AS_IMPLICIT_KEY: 'A nested block cannot be used as a key; check the indentation.',
  MISSING_CHAR: 'A closing quote or bracket is missing.',
  UNEXPECTED_TOKEN: 'Unexpected text: this is not valid YAML.',
  ALIAS_PROPS: 'An alias cannot carry an anchor or tag.',
  BAD_ALIAS: 'This alias does not refer to an anchor defined before it.',
};

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** One syntax mistake can make the parser repeat itself thousands of times (nested flow collections). */
export const MAX_PROBLEMS = 20;

export function parseYamlFile(original: string): ParsedYaml {
  const { text, templates } = maskTemplates(original);
  const deep = findExcessiveNesting(text);
  if (deep) {
    const lineEnd = text.slice(deep.offset, deep.offset + 200).search(/[\r\n]/);
    const refused: ParseProblem = {
      code: 'TOO_DEEP',
      message: `This YAML nests more than ${MAX_NESTING} levels deep; deeper nesting can crash the YAML parser, so this text was not analysed.`,
      range: {
        start: deep.offset,
        end: deep.offset + Math.max(1, lineEnd < 0 ? Math.min(200, text.length - deep.offset) : lineEnd),
      },
      severity: 'warning',
    };
    return { text, source: original, documents: [], problems: [refused], templates, refused };
  }
  const problems: ParseProblem[] = [];
  let documents: Document.Parsed[] = [];
  try {
    documents = parseAllDocuments(text, {
      version: '1.1',
      // The parser's own duplicate check compares every pair of keys (quadratic on big mappings);
      // findDuplicateKeys below does it with a set, and knows about template branches.
      uniqueKeys: false,
      prettyErrors: false,
      keepSourceTokens: false,
      lineCounter: new LineCounter(),
    }) as Document.Parsed[];
    if (!Array.isArray(documents)) documents = []; // an empty stream
  } catch (err) {
    // The parser is not expected to throw; if it does, say so at the top of the file rather than crash.
    problems.push({
      code: 'YAML_PARSER_FAILURE',
      message: `The YAML parser gave up on this file: ${(err as Error).message}`,
      range: { start: 0, end: Math.min(1, text.length) },
      severity: 'error',
    });
  }
  const seen = new Set<string>();
  const add = (p: ParseProblem): void => {
    const id = `${p.code}@${p.range.start}`;
    if (seen.has(id) || problems.length >= MAX_PROBLEMS) return;
    seen.add(id);
    problems.push(p);
  };
  const controlStarts = lineLeadingTemplateStarts(templates, text);
  for (const doc of documents) {
    for (const e of doc.errors) {
      const explained = EXPLAIN[e.code];
      add({
        code: e.code,
        message: explained ? `${explained} (${firstLine(e.message)})` : firstLine(e.message),
        range:
          e.code === 'MISSING_CHAR'
            ? openingQuote(text, e.message, e.pos[0])
            : { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) },
        severity: 'error',
      });
    }
    for (const w of doc.warnings) {
      add({
        code: w.code,
        message: firstLine(w.message),
        range: { start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1) },
        severity: 'warning',
      });
    }
    for (const d of findDuplicateKeys(doc, controlStarts)) add(d);
  }
  return { text, source: original, documents, problems, templates };
}

/**
 * The parser reports an unclosed quote where the file ends; the user has to fix it where it opens, which is the
 * last quote of that kind before the end (an unclosed scalar swallows everything after it).
 */
function openingQuote(text: string, message: string, at: number): Range {
  const quote = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : undefined;
  if (!quote) return { start: at, end: Math.max(at + 1, at) };
  const open = text.lastIndexOf(quote, Math.min(at, text.length - 1));
  if (open < 0) return { start: at, end: at + 1 };
  const eol = text.indexOf('\n', open);
  return { start: open, end: eol < 0 ? text.length : eol };
}

/**
 * Starts of the templates that begin a line (only blanks before them on their line): `{{- else }}`,
 * `%{ endif }`. Computed once, in one forward pass, so each duplicate-key check is a binary search instead of
 * a walk over every template of the file (115,000 `{{ if }}` lines made that quadratic).
 */
/** Counter for tests: work done by the template-branch checks of duplicate keys (must stay n log n). */
export const templateBranchSteps = { count: 0 };

export function lineLeadingTemplateStarts(templates: readonly Range[], text: string): number[] {
  const out: number[] = [];
  let cursor = 0;
  let blankSinceBreak = true; // only whitespace between the last line break and `cursor`
  for (const t of templates) {
    if (t.start < cursor) continue; // overlapping ranges do not occur; be safe anyway
    templateBranchSteps.count += 1 + t.start - cursor;
    for (; cursor < t.start; cursor++) {
      const c = text.charCodeAt(cursor);
      if (c === 10 || c === 13) blankSinceBreak = true;
      else if (blankSinceBreak && !/\s/.test(text[cursor])) blankSinceBreak = false;
    }
    if (blankSinceBreak) out.push(t.start);
  }
  return out;
}

/** True when a template control line (`{{- else }}`, `%{ endif }`) starts strictly between the two offsets. */
function templateBetween(controlStarts: readonly number[], a: number, b: number): boolean {
  const first = partitionPoint(controlStarts.length, (i) => {
    templateBranchSteps.count++;
    return controlStarts[i] > a;
  });
  return first < controlStarts.length && controlStarts[first] < b;
}

export const MAX_NODES = 200_000;

/**
 * Keys repeated in one mapping. Helm keeps the last one, so the first is silently ignored. Keys in different
 * branches of a template (`{{ if }}` … `{{ else }}` …) are not duplicates: only one branch is ever rendered.
 */
function findDuplicateKeys(doc: Document.Parsed, controlStarts: readonly number[]): ParseProblem[] {
  return duplicateKeysBelow([doc.contents], controlStarts, { visited: 0 });
}

/**
 * The duplicate-key walk from a stack of nodes (last one first, depth first), as the whole-document walk does
 * it: the incremental parse runs it per top-level section and gets the same problems in the same order.
 * `budget.visited` counts nodes across calls (the walk stops at MAX_NODES).
 */
export function duplicateKeysBelow(
  stack: unknown[],
  controlStarts: readonly number[],
  budget: { visited: number },
): ParseProblem[] {
  const out: ParseProblem[] = [];
  while (stack.length > 0 && budget.visited++ < MAX_NODES) {
    const node = stack.pop();
    if (isMap(node)) {
      const first = new Map<string, number>();
      for (const pair of node.items) {
        stack.push(pair.value);
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        const name = String(key.value);
        const prev = first.get(name);
        if (prev !== undefined && !templateBetween(controlStarts, prev, key.range[0]))
          out.push(duplicateKeyProblem(name, key.range[0], key.range[1]));
        first.set(name, key.range[0]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out;
}

export function duplicateKeyProblem(name: string, start: number, end: number): ParseProblem {
  return {
    code: 'DUPLICATE_KEY',
    message: `${EXPLAIN.DUPLICATE_KEY} (key "${name}")`,
    range: { start, end },
    severity: 'error',
  };
}
