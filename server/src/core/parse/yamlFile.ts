// Parses a file into YAML documents with source ranges, and turns every parser complaint into a positioned
// problem instead of an exception. Values are read with YAML 1.1 rules, as Helm and kubectl read them
// (sigs.k8s.io/yaml uses go-yaml v2): `yes`, `on`, `y` are booleans there, so they are booleans here.

import { Document, LineCounter, parseAllDocuments } from 'yaml';
import type { Range } from '../types';
import { maskTemplates } from './templates';

export interface ParseProblem {
  code: string;
  message: string;
  range: Range;
  severity: 'error' | 'warning' | 'info';
}

export interface ParsedYaml {
  /** The text the parser saw (templates masked, same length as the original). */
  text: string;
  documents: Document.Parsed[];
  problems: ParseProblem[];
  templates: Range[];
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

export function parseYamlFile(original: string): ParsedYaml {
  const { text, templates } = maskTemplates(original);
  const problems: ParseProblem[] = [];
  let documents: Document.Parsed[] = [];
  try {
    documents = parseAllDocuments(text, {
      version: '1.1',
      uniqueKeys: true,
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
  for (const doc of documents) {
    for (const e of doc.errors) {
      const explained = EXPLAIN[e.code];
      problems.push({
        code: e.code,
        message: explained ? `${explained} (${firstLine(e.message)})` : firstLine(e.message),
        range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) },
        severity: 'error',
      });
    }
    for (const w of doc.warnings) {
      problems.push({
        code: w.code,
        message: firstLine(w.message),
        range: { start: w.pos[0], end: Math.max(w.pos[1], w.pos[0] + 1) },
        severity: 'warning',
      });
    }
  }
  return { text, documents, problems, templates };
}
