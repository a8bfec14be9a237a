// Incremental parsing by top-level section. A values file is one block mapping whose top-level keys start at
// column 0; each key with everything up to the next such key is a section. After an edit only the sections the
// edit touches are parsed again (with `yaml`'s Parser started at the section's offset, so every range is a file
// offset); the others keep their parse, their nodes shifted by the edit's length change. The result is a
// ParsedYaml like parseYamlFile's, and tests check that the analysis built on it equals the full one.
//
// Whenever a section could depend on another, the whole file is parsed as before: several documents or
// directives, anchors and aliases, tags, templates, parse errors or warnings, flow collections at the top,
// nesting near the limit, or more nodes than the duplicate-key walk visits.

import {
  Composer,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Parser,
  YAMLMap,
  type Node,
  type Pair,
} from 'yaml';
import type { Range } from '../types';
import { findExcessiveNesting } from './nesting';
import { maskTemplates } from './templates';
import {
  duplicateKeyProblem,
  duplicateKeysBelow,
  MAX_NODES,
  MAX_PROBLEMS,
  parseYamlFile,
  type ParsedYaml,
  type ParseProblem,
} from './yamlFile';

/** What changed between the text of the last parse and the new text: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

interface Section {
  /** File offsets of the section in the text it was last used with. */
  start: number;
  end: number;
  /** The section's top-level pairs (their nodes carry file offsets of that text). */
  pairs: Pair[];
  /** Range of the section's document and of its top mapping. */
  docRange: [number, number, number];
  mapRange: [number, number, number];
  commentBefore: string | null | undefined;
  comment: string | null | undefined;
  /** Duplicate keys below the top level, in the order the whole-document walk finds them. */
  duplicates: ParseProblem[];
  nodes: number;
  /** The range of every node below the section's pairs, found once: moving a section moves these. */
  ranges: number[][];
}

/** The state kept between two parses of one document. */
export interface IncrementalParse {
  text: string;
  /** Undefined when the last text was parsed whole (it did not qualify): the next parse is whole too. */
  sections?: Section[];
}

export interface IncrementalResult {
  parsed: ParsedYaml;
  state: IncrementalParse;
  /** How many sections were parsed (all of them on a whole parse); for tests that count work. */
  sectionsParsed: number;
  /** True when the file was parsed whole (first parse, or the file does not qualify). */
  whole: boolean;
}

/** Counter for tests: sections parsed by the incremental parser since the process started. */
export const sectionSteps = { parsed: 0, reused: 0 };

const PARSE_OPTIONS = { version: '1.1' as const, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false };

/** The change that turns `before` into `after`: common prefix and suffix (used when the caller has no ranges). */
export function diffTexts(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/**
 * Offsets where a section starts: 0, then every line that begins at column 0 with something that can start a
 * top-level key (not a blank, a comment, or a `-` of a sequence written at column 0 under the key above).
 */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0 && nl + 1 < text.length; nl = text.indexOf('\n', nl + 1)) {
    const c = text.charCodeAt(nl + 1);
    // space, tab, \n, \r, #, -
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 35 || c === 45) continue;
    // Comments and blank lines before the first key belong to the first key's section.
    if (starts.length === 1 && onlyCommentsBefore(text, nl + 1)) continue;
    starts.push(nl + 1);
  }
  return starts;
}

function onlyCommentsBefore(text: string, end: number): boolean {
  for (let at = 0; at < end;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > end) eol = end;
    const line = text.slice(at, eol).trim();
    if (line !== '' && !line.startsWith('#')) return false;
    at = eol + 1;
  }
  return true;
}

/** Lines that make the file more than one plain document: `---`, `...`, `%` directives. */
function hasDocumentMarkers(text: string): boolean {
  if (text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) return true;
  return text.includes('\n---') || text.includes('\n...') || text.includes('\n%');
}

/**
 * hasDocumentMarkers after an edit of a text that had none: a marker (at most four characters with its line
 * break) that is new must overlap the changed span, so only the text around it is searched.
 */
function markersNear(text: string, edit: TextChange): boolean {
  const from = Math.max(0, edit.start - 4);
  const part = text.slice(from, edit.newEnd + 4);
  if (from === 0 && (part.startsWith('---') || part.startsWith('...') || part.startsWith('%'))) return true;
  return part.includes('\n---') || part.includes('\n...') || part.includes('\n%');
}

/**
 * sectionStarts of the edited text from those of the text before the edit (`before`): a start is decided by the
 * character before it and its own, except while no key has been found yet (the comments before the first key
 * belong to it). So starts before the edit stay, starts after it move with it, and only the lines the edit
 * touched are looked at again; when the edit is in or before the first section, everything is.
 */
export function sectionStartsAfter(text: string, before: readonly number[], edit: TextChange): number[] {
  const kept = before.filter((q) => q < edit.start);
  if (kept.length < 2) return sectionStarts(text);
  const delta = edit.newEnd - edit.oldEnd;
  const starts = kept;
  for (let q = Math.max(edit.start, 1); q <= edit.newEnd && q < text.length; q++) {
    if (text.charCodeAt(q - 1) !== 10) continue;
    const c = text.charCodeAt(q);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 35 || c === 45) continue;
    starts.push(q);
  }
  for (const q of before) if (q > edit.oldEnd) starts.push(q + delta);
  return starts;
}

/** Parses one section on its own; undefined when its parse could depend on the rest of the file. */
function parseSection(text: string, start: number, end: number): Section | undefined {
  const source = text.slice(start, end);
  if (maskTemplates(source).templates.length > 0 || findExcessiveNesting(source)) return undefined;
  const parser = new Parser();
  parser.offset = start;
  const docs = [...new Composer(PARSE_OPTIONS).compose(parser.parse(source))];
  if (docs.length !== 1) return undefined;
  const doc = docs[0];
  const map = doc.contents;
  if (
    doc.errors.length > 0 ||
    doc.warnings.length > 0 ||
    !isMap(map) ||
    map.flow ||
    map.items.length === 0 ||
    !map.range ||
    !doc.range
  )
    return undefined;
  if (start > 0 && (map.items[0].key as Node | null)?.range?.[0] !== start) return undefined;
  const nodes = countPlainNodes(map);
  if (nodes < 0) return undefined;
  const duplicates = duplicateKeysBelow(
    map.items.map((p) => p.value),
    [],
    { visited: 0 },
  );
  return {
    start,
    end,
    pairs: map.items,
    docRange: [...doc.range] as [number, number, number],
    mapRange: [...map.range] as [number, number, number],
    commentBefore: doc.commentBefore,
    comment: doc.comment,
    duplicates,
    nodes,
    ranges: rangesBelow(map.items),
  };
}

/**
 * Every node below `roots`, depth first, a pair standing for its key and its value; a collection's items are
 * visited when `into(collection)` says so (all of them by default).
 */
function* nodesBelow(roots: readonly unknown[], into: (collection: Node) => boolean = () => true): Generator<Node> {
  const stack = [...roots];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null || n === undefined) continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    yield n as Node;
    if ((isMap(n) || isSeq(n)) && into(n)) for (const item of n.items) stack.push(item);
  }
}

/** Every node range below some pairs (keys and values, at every depth). */
function rangesBelow(pairs: Pair[]): number[][] {
  const out: number[][] = [];
  for (const n of nodesBelow(pairs)) if (n.range) out.push(n.range);
  return out;
}

/** Nodes below a mapping, or -1 when one of them is an alias, an anchor or carries a tag. */
function countPlainNodes(root: Node): number {
  let count = 0;
  // A flow mapping below the root is not looked into (it counts as one node).
  for (const n of nodesBelow([root], (c) => c === root || !(isMap(c) && c.flow))) {
    count++;
    if (isAlias(n)) return -1;
    const node = n as Node & { anchor?: string; tag?: string };
    if (node.anchor || node.tag) return -1;
    if (!isMap(n) && !isSeq(n) && !isScalar(n)) return -1;
  }
  return count;
}

/** Moves every range of a section's nodes by `delta` (the section moved because text before it changed). */
function shiftSection(section: Section, delta: number): void {
  if (delta === 0) return;
  const move = (r: number[] | null | undefined) => {
    if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
  };
  // A flat list, not a walk of the tree: a keystroke near the top of the chart moves some 20,000 nodes.
  for (const r of section.ranges) move(r);
  move(section.docRange);
  move(section.mapRange);
  for (const d of section.duplicates) {
    d.range = { start: d.range.start + delta, end: d.range.end + delta };
  }
  section.start += delta;
  section.end += delta;
}

/** A change description that can be right for these two lengths (otherwise the texts are compared). */
function fits(c: TextChange, before: number, after: number): boolean {
  return (
    c.start >= 0 &&
    c.start <= c.oldEnd &&
    c.oldEnd <= before &&
    c.start <= c.newEnd &&
    c.newEnd <= after &&
    before - c.oldEnd === after - c.newEnd
  );
}

function whole(text: string): IncrementalResult {
  const parsed = parseYamlFile(text);
  sectionSteps.parsed++;
  return { parsed, state: { text, sections: undefined }, sectionsParsed: 1, whole: true };
}

/**
 * Parses `text`, reusing the sections of `previous` the change did not touch. `change` says what changed since
 * `previous.text` (from the editor's change events); without it the two texts are compared.
 */
export function parseIncrementally(text: string, previous?: IncrementalParse, change?: TextChange): IncrementalResult {
  const reusable = new Map<number, Section>();
  let delta = 0;
  let edit: TextChange | undefined;
  let starts: number[];
  if (previous?.sections) {
    // The last text was parsed by sections, so it had no document markers: any new one is near the edit.
    edit = change && fits(change, previous.text.length, text.length) ? change : diffTexts(previous.text, text);
    if (markersNear(text, edit)) return whole(text);
    delta = edit.newEnd - edit.oldEnd;
    starts = sectionStartsAfter(
      text,
      previous.sections.map((s) => s.start),
      edit,
    );
    for (const s of previous.sections) reusable.set(s.start, s);
  } else {
    if (hasDocumentMarkers(text)) return whole(text);
    starts = sectionStarts(text);
  }
  const sections: Section[] = [];
  let parsedCount = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    let section: Section | undefined;
    if (edit) {
      // Untouched and bounded exactly as before: the same text, so the same parse (moved by delta if after).
      const before =
        end <= edit.start ? reusable.get(start) : start >= edit.newEnd ? reusable.get(start - delta) : undefined;
      const oldEnd = end <= edit.start ? end : end - delta;
      if (before && before.end === oldEnd) {
        if (start >= edit.newEnd) shiftSection(before, delta);
        section = before;
        sectionSteps.reused++;
      }
    }
    if (!section) {
      section = parseSection(text, start, end);
      parsedCount++;
      sectionSteps.parsed++;
      if (!section) return whole(text);
    }
    sections.push(section);
  }
  const parsed = assemble(text, sections);
  if (!parsed) return whole(text);
  return { parsed, state: { text, sections }, sectionsParsed: parsedCount, whole: false };
}

/** One document out of the sections, with the problems the whole-file parse would report. */
function assemble(text: string, sections: Section[]): ParsedYaml | undefined {
  let nodes = 0;
  for (const s of sections) nodes += s.nodes;
  if (nodes >= MAX_NODES / 2) return undefined;
  const first = sections[0];
  const last = sections[sections.length - 1];
  const doc = new Document(null, PARSE_OPTIONS) as unknown as Document.Parsed;
  const map = new YAMLMap(doc.schema);
  for (const s of sections) for (const p of s.pairs) map.items.push(p);
  map.range = [first.mapRange[0], last.mapRange[1], last.mapRange[2]];
  doc.contents = map as Document.Parsed['contents'];
  doc.range = [first.docRange[0], last.docRange[1], last.docRange[2]];
  doc.commentBefore = first.commentBefore ?? null;
  doc.comment = last.comment ?? null;
  // Duplicates as the whole-document walk finds them: the top level first, then each value's subtree, last first.
  const problems: ParseProblem[] = [];
  const seen = new Map<string, number>();
  for (const p of map.items) {
    const key = p.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    if (seen.has(name)) problems.push(duplicateKeyProblem(name, key.range[0], key.range[1]));
    seen.set(name, key.range[0]);
  }
  for (let i = sections.length - 1; i >= 0 && problems.length < MAX_PROBLEMS; i--)
    problems.push(...sections[i].duplicates);
  return { text, source: text, documents: [doc], problems: problems.slice(0, MAX_PROBLEMS), templates: [] };
}

export type { Range };

/**
 * The incremental parse of one open document: the caller reports each change as the editor sends it
 * (`changed`), and `parse` reuses every section those changes did not touch. Changes are merged into one span,
 * in the coordinates of the last parsed text; a change without a range (the whole text replaced) makes the next
 * parse compare the texts instead.
 */
export class IncrementalSession {
  private state: IncrementalParse | undefined;
  /** The span changed since `state.text`, or undefined when unknown (then the texts are compared). */
  private pending: TextChange | undefined;
  private unknown = false;
  /** What the last parse did (for tests and benchmarks). */
  last: { sectionsParsed: number; whole: boolean } | undefined;

  /**
   * One change of the current text: [start, end) replaced by `length` characters. Offsets are in the text as it
   * was just before this change (the editor sends the changes of one notification in order).
   */
  changed(start: number, end: number, length: number): void {
    if (!this.state || this.unknown) return;
    const p = this.pending;
    if (!p) {
      this.pending = { start, oldEnd: end, newEnd: start + length };
      return;
    }
    const grow = length - (end - start);
    const moved = (x: number) => (x <= start ? x : x >= end ? x + grow : start + length);
    const newStart = Math.min(p.start, start);
    const newEnd = Math.max(moved(p.newEnd), start + length);
    const totalGrow = p.newEnd - p.oldEnd + grow;
    this.pending = { start: newStart, oldEnd: newEnd - totalGrow, newEnd };
  }

  /** The whole text was replaced (or the change could not be placed): compare the texts at the next parse. */
  replaced(): void {
    this.unknown = true;
    this.pending = undefined;
  }

  parse(text: string): ParsedYaml {
    // No change reported (a caller that does not track them, or the same text again): the texts are compared.
    let r: IncrementalResult;
    try {
      r = parseIncrementally(text, this.state, this.unknown ? undefined : this.pending);
    } catch (error) {
      // Sections may have been moved half-way: start afresh next time.
      this.state = undefined;
      this.pending = undefined;
      throw error;
    }
    this.state = r.state;
    this.pending = undefined;
    this.unknown = false;
    this.last = { sectionsParsed: r.sectionsParsed, whole: r.whole };
    return r.parsed;
  }
}
