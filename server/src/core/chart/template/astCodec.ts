// A parsed template file written as compact JSON arrays, so a chart's templates can be parsed once at build time
// (tools/gen-charts.ts) and loaded at run time with JSON.parse and one walk instead of the lexer and the parser:
// on a cold process the parser runs in V8's interpreter and is several times slower than decoding.
//
// Every node is an array [kind, pos, …fields]. Text, quoted strings and number literals are slices of the source
// text (only their length is stored), so the encoded tree adds little to the source it is shipped with. Decoding
// builds the same objects, with the same property order, that parseTemplate builds (a test compares them on every
// shipped chart), all pointing at one SourceTree holding the source text for error locations.

import type { ArgNode, CommandNode, ListNode, Node, PipeNode, SourceTree, VariableNode } from './ast';
import type { ParsedFile } from './parser';
import type { GoValue } from './values';

/** The JSON form of a ParsedFile: [root, [[defineName, root], …]]. */
export type EncodedFile = [unknown, [string, unknown][]];

const K = {
  text: 0,
  action: 1,
  if: 2,
  with: 3,
  range: 4,
  template: 5,
  break: 6,
  continue: 7,
  list: 8,
  pipe: 9,
  command: 10,
  field: 11,
  variable: 12,
  chain: 13,
  identifier: 14,
  dot: 15,
  nil: 16,
  bool: 17,
  number: 18,
  string: 19,
} as const;

/** The statements with a pipeline, a body and an else branch, by their kind number. */
const BRANCH_TYPES = { [K.if]: 'if', [K.with]: 'with', [K.range]: 'range' } as const;

type AnyEncodable = Node | ArgNode | CommandNode;

/** A piece of the source at `pos`: its length when the text is that slice, else the text itself. */
function slice(source: string, pos: number, text: string): number | string {
  return source.startsWith(text, pos) ? text.length : text;
}

function encodeValue(v: GoValue): unknown {
  if (typeof v === 'bigint') return `i${v}`;
  if (v === null || (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0))) return v;
  throw new Error(`astCodec: number constant ${String(v)} has no JSON form`);
}

function encodeNode(n: AnyEncodable, source: string, at: { pos: number }): unknown {
  const pos = n.pos - at.pos;
  at.pos = n.pos;
  const enc = (x: AnyEncodable) => encodeNode(x, source, at);
  switch (n.type) {
    case 'text':
      return [K.text, pos, slice(source, n.pos, n.text)];
    case 'action':
      return [K.action, pos, enc(n.pipe)];
    case 'if':
    case 'with':
    case 'range':
      return [K[n.type], pos, enc(n.pipe), enc(n.list), n.elseList ? enc(n.elseList) : null];
    case 'template':
      return [K.template, pos, n.name, n.pipe ? enc(n.pipe) : null];
    case 'break':
    case 'continue':
    case 'dot':
    case 'nil':
      return [K[n.type], pos];
    case 'list':
      return [K.list, pos, n.nodes.map((x) => enc(x))];
    case 'pipe':
      return [K.pipe, pos, n.isAssign ? 1 : 0, n.decl.map((x) => enc(x)), n.cmds.map((x) => enc(x))];
    case 'command':
      return [K.command, pos, n.args.map((x) => enc(x))];
    case 'field':
    case 'variable':
      return [K[n.type], pos, n.ident];
    case 'chain':
      return [K.chain, pos, enc(n.node), n.fields];
    case 'identifier':
      return [K.identifier, pos, n.name];
    case 'bool':
      return [K.bool, pos, n.value ? 1 : 0];
    case 'number': {
      const out = [K.number, pos, slice(source, n.pos, n.text), encodeValue(n.value)];
      if (n.error !== undefined) out.push(n.error);
      return out;
    }
    case 'string': {
      const out: unknown[] = [K.string, pos, slice(source, n.pos, n.quoted)];
      // The unquoted text, unless it is the quoted form without its quotes (no escapes: nearly always).
      if (n.text !== n.quoted.slice(1, -1)) out.push(n.text);
      return out;
    }
  }
}

/** Encodes a file parsed from `source` (parseTemplate's result for that text). */
export function encodeParsedFile(parsed: ParsedFile, source: string): EncodedFile {
  const at = { pos: 0 };
  const root = encodeNode(parsed.root, source, at);
  return [root, parsed.defines.map((d) => [d.name, encodeNode(d.root, source, at)])];
}

/** Rebuilds the ParsedFile that parseTemplate(name, source) gives, from its encoded form. */
export function decodeParsedFile(name: string, source: string, encoded: EncodedFile): ParsedFile {
  const tree: SourceTree = { parseName: name, text: source };
  // Positions are stored as the difference from the previous node's, in the order encodeNode visits them.
  let last = 0;
  const at = (delta: unknown): number => (last += delta as number);
  const text = (pos: number, s: unknown): string =>
    typeof s === 'number' ? source.slice(pos, pos + s) : (s as string);

  const list = (e: unknown[]): ListNode => ({
    type: 'list',
    pos: at(e[1]),
    tree,
    nodes: (e[2] as unknown[][]).map(node),
  });
  const listOrNull = (e: unknown): ListNode | null => (e === null ? null : list(e as unknown[]));
  const pipe = (e: unknown[]): PipeNode => ({
    type: 'pipe',
    pos: at(e[1]),
    tree,
    isAssign: e[2] === 1,
    decl: (e[3] as unknown[][]).map((d) => arg(d) as VariableNode),
    cmds: (e[4] as unknown[][]).map(command),
  });
  const command = (e: unknown[]): CommandNode => ({
    type: 'command',
    pos: at(e[1]),
    tree,
    args: (e[2] as unknown[][]).map(arg),
  });

  function node(e: unknown[]): Node {
    if (e[0] === K.list) return list(e);
    const pos = at(e[1]);
    switch (e[0]) {
      case K.text:
        return { type: 'text', pos, tree, text: text(pos, e[2]) };
      case K.action:
        return { type: 'action', pos, tree, pipe: pipe(e[2] as unknown[]) };
      case K.if:
      case K.with:
      case K.range:
        return {
          type: BRANCH_TYPES[e[0]],
          pos,
          tree,
          pipe: pipe(e[2] as unknown[]),
          list: list(e[3] as unknown[]),
          elseList: listOrNull(e[4]),
        };
      case K.template:
        return {
          type: 'template',
          pos,
          tree,
          name: e[2] as string,
          pipe: e[3] === null ? null : pipe(e[3] as unknown[]),
        };
      case K.break:
        return { type: 'break', pos, tree };
      case K.continue:
        return { type: 'continue', pos, tree };
      default:
        throw new Error(`astCodec: node kind ${String(e[0])} is not a statement`);
    }
  }

  function arg(e: unknown[]): ArgNode {
    if (e[0] === K.pipe) return pipe(e);
    const pos = at(e[1]);
    switch (e[0]) {
      case K.field:
        return { type: 'field', pos, tree, ident: e[2] as string[] };
      case K.variable:
        return { type: 'variable', pos, tree, ident: e[2] as string[] };
      case K.chain:
        return { type: 'chain', pos, tree, node: arg(e[2] as unknown[]), fields: e[3] as string[] };
      case K.identifier:
        return { type: 'identifier', pos, tree, name: e[2] as string };
      case K.dot:
        return { type: 'dot', pos, tree };
      case K.nil:
        return { type: 'nil', pos, tree };
      case K.bool:
        return { type: 'bool', pos, tree, value: e[2] === 1 };
      case K.number: {
        const raw = e[3];
        const value: GoValue = typeof raw === 'string' ? BigInt(raw.slice(1)) : (raw as number | null);
        const t = text(pos, e[2]);
        return e.length > 4
          ? { type: 'number', pos, tree, text: t, value, error: e[4] as string }
          : { type: 'number', pos, tree, text: t, value };
      }
      case K.string: {
        const quoted = text(pos, e[2]);
        return { type: 'string', pos, tree, quoted, text: e.length > 3 ? (e[3] as string) : quoted.slice(1, -1) };
      }
      default:
        throw new Error(`astCodec: node kind ${String(e[0])} is not an argument`);
    }
  }

  const [root, defines] = encoded;
  const rootList = list(root as unknown[]);
  return { root: rootList, defines: defines.map(([dname, body]) => ({ name: dname, root: list(body as unknown[]) })) };
}
