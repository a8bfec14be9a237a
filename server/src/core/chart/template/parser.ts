// Builds the syntax tree from tokens with Go's text/template grammar and Go's parse-time checks (undefined
// variables, unknown functions, misplaced else/end/break/continue, empty pipelines), and Go's parse error
// texts: `template: NAME:LINE: DETAIL`.

import type {
  ArgNode,
  CommandNode,
  IfNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  RangeNode,
  SourceTree,
  TemplateNode,
  VariableNode,
} from './ast';
import { TemplateError } from './errors';
import { quoteGo as goQuote } from './format';
import { lex, type Token } from './lexer';
import type { GoValue } from './values';

export interface ParsedFile {
  /** The file's own top-level content. */
  readonly root: ListNode;
  /** Templates defined in the file with `define` or `block`, in source order. */
  readonly defines: { readonly name: string; readonly root: ListNode }[];
}

/** Thrown inside the parser; turned into a TemplateError with the current line. */
class Bail {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * Parses `text` as the file `name`. `hasFunction` answers whether a function name exists (null: accept any,
 * Go's SkipFuncCheck). Throws TemplateError (kind 'parse').
 */
export function parseTemplate(name: string, text: string, hasFunction: ((fn: string) => boolean) | null): ParsedFile {
  const tree: SourceTree = { parseName: name, text };
  const tokens = lex(text);
  let i = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let actionPos = -1;
  const defines: { name: string; root: ListNode }[] = [];
  /** Go refuses two non-empty definitions of one name in one parse; an empty one is ignored. */
  const addDefine = (dname: string, body: ListNode, at: Token) => {
    const k = defines.findIndex((d) => d.name === dname);
    if (k < 0) {
      defines.push({ name: dname, root: body });
      return;
    }
    const emptyOld = isEmptyList(defines[k]!.root);
    if (emptyOld) defines[k] = { name: dname, root: body };
    else if (!isEmptyList(body)) bail(`template: multiple definition of template ${goQuote(dname)}`, at);
  };

  const lineOf = (pos: number) => {
    let line = 1;
    for (let k = text.indexOf('\n'); k >= 0 && k < pos; k = text.indexOf('\n', k + 1)) line++;
    return line;
  };
  const bail = (msg: string, tok: Token = tokens[Math.min(i, tokens.length) - 1] ?? tokens[0]!): never => {
    throw new Bail(msg, tok.pos);
  };

  const next = (): Token => tokens[i++] ?? tokens[tokens.length - 1]!;
  const peek = (): Token => tokens[i] ?? tokens[tokens.length - 1]!;
  const backup = (k = 1) => {
    i -= k;
  };
  const nextNonSpace = (): Token => {
    let t = next();
    while (t.type === 'space') t = next();
    return t;
  };
  const peekNonSpace = (): Token => {
    const save = i;
    const t = nextNonSpace();
    i = save;
    return t;
  };
  const describe = (t: Token): string => {
    if (t.type === 'eof') return 'EOF';
    if (t.type === 'error') return t.val;
    // Go counts dot and nil among its keyword tokens and shows all of them in angle brackets.
    if (t.type === 'keyword' || t.type === 'dot' || t.type === 'nil') return `<${t.val}>`;
    if (t.val.length > 10) return `${goQuote(t.val.slice(0, 10))}...`;
    return goQuote(t.val);
  };
  const unexpected = (t: Token, context: string): never => {
    if (t.type === 'error') {
      let extra = '';
      if (actionPos >= 0 && lineOf(actionPos) !== lineOf(t.pos)) {
        extra = ` in action started at ${name}:${lineOf(actionPos)}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return bail(`${t.val}${extra}`, t);
    }
    return bail(`unexpected ${describe(t)} in ${context}`, t);
  };
  const expect = (type: Token['type'], context: string): Token => {
    const t = nextNonSpace();
    if (t.type !== type) unexpected(t, context);
    return t;
  };

  const newList = (pos: number): ListNode => ({ type: 'list', pos, tree, nodes: [] });

  // itemList: nodes up to an {{end}} or {{else}}; returns the list and the terminating keyword.
  function itemList(): { list: ListNode; end: 'end' | 'else'; pos: number } {
    const list = newList(peekNonSpace().pos);
    for (;;) {
      const t = peekNonSpace();
      if (t.type === 'eof') return bail('unexpected EOF', t);
      const node = textOrAction();
      if (node === 'end' || node === 'else') return { list, end: node, pos: tokens[i - 1]!.pos };
      if (node) list.nodes.push(node);
    }
  }

  // One piece at the current position: text, an action, or the end/else keyword of the enclosing control.
  function textOrAction(): Node | 'end' | 'else' | null {
    const t = nextNonSpace();
    switch (t.type) {
      case 'text':
        return { type: 'text', pos: t.pos, tree, text: t.val };
      case 'leftDelim':
        actionPos = t.pos;
        return action();
      case 'error':
        return unexpected(t, 'input');
      default:
        return unexpected(t, 'input');
    }
  }

  function action(): Node | 'end' | 'else' | null {
    const t = nextNonSpace();
    if (t.type === 'keyword') {
      switch (t.val) {
        case 'block':
          return blockControl(t);
        case 'break':
        case 'continue':
          return breakControl(t, t.val);
        case 'else':
          return elseControl();
        case 'end':
          expect('rightDelim', 'end');
          return 'end';
        case 'if':
          return ifControl('if', t);
        case 'range':
          return rangeControl(t);
        case 'template':
          return templateControl(t);
        case 'with':
          return ifControl('with', t);
        case 'define':
          return bail('unexpected <define> in command', t);
      }
    }
    backup();
    const pipe = pipeline('command', 'rightDelim');
    return { type: 'action', pos: t.pos, tree, pipe };
  }

  function breakControl(t: Token, word: 'break' | 'continue'): Node {
    const after = nextNonSpace();
    if (after.type !== 'rightDelim') unexpected(after, `{{${word}}}`);
    if (rangeDepth === 0) bail(`{{${word}}} outside {{range}}`, t);
    return { type: word, pos: t.pos, tree };
  }

  function elseControl(): 'else' {
    const p = peekNonSpace();
    if (p.type === 'keyword' && (p.val === 'if' || p.val === 'with')) {
      // Leave the keyword as the next token: parseControl treats `else if`/`else with` as a nested control.
      while (peek().type === 'space') next();
      return 'else';
    }
    expect('rightDelim', 'else');
    return 'else';
  }

  // if / with share parsing: pipeline, list, optional else (with `else if` / `else with` chains), end.
  function parseControl(context: 'if' | 'with' | 'range') {
    const mark = vars.length;
    const pipe = pipeline(context, 'rightDelim');
    if (context === 'range') rangeDepth++;
    const body = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: ListNode | null = null;
    if (body.end === 'else') {
      const p = peek();
      if (context === 'if' && p.type === 'keyword' && p.val === 'if') {
        const kw = next();
        elseList = newList(kw.pos);
        elseList.nodes.push(ifControl('if', kw));
      } else if (context === 'with' && p.type === 'keyword' && p.val === 'with') {
        const kw = next();
        elseList = newList(kw.pos);
        elseList.nodes.push(ifControl('with', kw));
      } else {
        if (p.type === 'keyword' && (p.val === 'if' || p.val === 'with')) {
          // `else if` inside with/range, `else with` inside if/range: Go reads the keyword as a stray token.
          const kw = nextNonSpace();
          return unexpected(kw, 'input');
        }
        const rest = itemList();
        if (rest.end !== 'end') bail('expected end; found {{else}}');
        elseList = rest.list;
      }
    }
    vars = vars.slice(0, mark);
    return { pipe, list: body.list, elseList };
  }

  function ifControl(kind: 'if' | 'with', t: Token): IfNode {
    const c = parseControl(kind);
    return { type: kind, pos: t.pos, tree, pipe: c.pipe, list: c.list, elseList: c.elseList };
  }

  function rangeControl(t: Token): RangeNode {
    const c = parseControl('range');
    return { type: 'range', pos: t.pos, tree, pipe: c.pipe, list: c.list, elseList: c.elseList };
  }

  function parseTemplateName(context: string): string {
    const t = nextNonSpace();
    if (t.type === 'string' || t.type === 'rawString') return unquote(t);
    return unexpected(t, context);
  }

  // Go places a template/block node at its name token, so errors point there.
  function templateControl(_kw: Token): TemplateNode {
    const t = peekNonSpace();
    const tname = parseTemplateName('template clause');
    let pipe: PipeNode | null = null;
    if (nextNonSpace().type !== 'rightDelim') {
      backup();
      pipe = pipeline('template clause', 'rightDelim');
    }
    return { type: 'template', pos: t.pos, tree, name: tname, pipe };
  }

  // {{block "name" pipeline}} body {{end}}: defines "name" with body, and executes it here.
  function blockControl(_kw: Token): TemplateNode {
    const context = 'block clause';
    const t = peekNonSpace();
    const tname = parseTemplateName(context);
    const pipe = pipeline(context, 'rightDelim');
    const saveVars = vars;
    const saveRange = rangeDepth;
    vars = ['$'];
    rangeDepth = 0;
    const body = itemList();
    if (body.end !== 'end') bail('unexpected {{else}} in block clause');
    vars = saveVars;
    rangeDepth = saveRange;
    addDefine(tname, body.list, t);
    return { type: 'template', pos: t.pos, tree, name: tname, pipe };
  }

  function pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const start = peekNonSpace();
    const decl: VariableNode[] = [];
    let isAssign = false;
    // Declarations: $x := / $x = / $i, $v := (range only).
    decls: for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      nextNonSpace();
      const after = peekNonSpace();
      if (after.type === 'assign' || after.type === 'declare') {
        isAssign = after.type === 'assign';
        nextNonSpace();
        decl.push({ type: 'variable', pos: v.pos, tree, ident: [v.val] });
        vars.push(v.val);
        break;
      }
      if (after.type === 'char' && after.val === ',') {
        nextNonSpace();
        decl.push({ type: 'variable', pos: v.pos, tree, ident: [v.val] });
        vars.push(v.val);
        if (context === 'range' && decl.length < 2) {
          const p = peekNonSpace();
          if (p.type === 'variable' || p.type === 'rightDelim' || p.type === 'rightParen') continue decls;
          bail('range can only initialize variables');
        }
        bail(`too many declarations in ${context}`);
      }
      backup(1);
      break;
    }
    const pipe: PipeNode = { type: 'pipe', pos: start.pos, tree, isAssign, decl, cmds: [] };
    for (;;) {
      const t = nextNonSpace();
      if (t.type === end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type) {
        case 'bool':
        case 'charConstant':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  }

  function checkPipeline(pipe: PipeNode, context: string) {
    if (pipe.cmds.length === 0) bail(`missing value for ${context}`);
    for (let k = 1; k < pipe.cmds.length; k++) {
      const first = pipe.cmds[k]!.args[0]!;
      if (
        first.type === 'bool' ||
        first.type === 'dot' ||
        first.type === 'nil' ||
        first.type === 'number' ||
        first.type === 'string'
      ) {
        bail(`non executable command in pipeline stage ${k + 1}`);
      }
    }
  }

  function command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: peekNonSpace().pos, tree, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') {
        backup();
      } else if (t.type !== 'pipe') {
        unexpected(t, 'operand');
      }
      break;
    }
    if (cmd.args.length === 0) bail('empty command');
    return cmd;
  }

  function operand(): ArgNode | null {
    const node = term();
    if (!node) return null;
    if (peek().type !== 'field') return node;
    const fields: string[] = [];
    const chainPos = peek().pos;
    while (peek().type === 'field') fields.push(next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos: chainPos, tree, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos: chainPos, tree, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return bail(`unexpected . after term ${goQuote(nodeText(node))}`);
      default:
        return { type: 'chain', pos: chainPos, tree, node, fields };
    }
  }

  function term(): ArgNode | null {
    const t = nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (hasFunction && !hasFunction(t.val)) bail(`function ${goQuote(t.val)} not defined`, t);
        return { type: 'identifier', pos: t.pos, tree, name: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos, tree };
      case 'nil':
        return { type: 'nil', pos: t.pos, tree };
      case 'variable': {
        if (!vars.includes(t.val)) bail(`undefined variable ${goQuote(t.val)}`, t);
        return { type: 'variable', pos: t.pos, tree, ident: [t.val] };
      }
      case 'field':
        return { type: 'field', pos: t.pos, tree, ident: [t.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, tree, value: t.val === 'true' };
      case 'charConstant':
      case 'number':
        return numberNode(t);
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, tree, quoted: t.val, text: unquote(t) };
    }
    backup();
    return null;
  }

  function numberNode(t: Token): NumberNode {
    const base = { type: 'number' as const, pos: t.pos, tree, text: t.val };
    if (t.type === 'charConstant') {
      const s = unquoteGo(t.val);
      if (s === null || s === '') return bail('invalid syntax', t);
      if ([...s].length !== 1) return bail(`malformed character constant: ${t.val}`, t);
      return { ...base, value: BigInt(s.codePointAt(0)!) };
    }
    const parsed = parseGoNumber(t.val);
    if (!parsed) return bail(`illegal number syntax: ${goQuote(t.val)}`, t);
    if (parsed.parseError) return bail(`${parsed.parseError}: ${goQuote(t.val)}`, t);
    return parsed.error === undefined
      ? { ...base, value: parsed.value }
      : { ...base, value: parsed.value, error: parsed.error };
  }

  function unquote(t: Token): string {
    const s = unquoteGo(t.val);
    if (s === null) return bail('invalid syntax', t);
    return s;
  }

  // ---- top level: text, actions and definitions
  const root = newList(0);
  try {
    for (;;) {
      const t = peek();
      if (t.type === 'eof') break;
      if (t.type === 'leftDelim') {
        const delim = next();
        const kw = nextNonSpace();
        if (kw.type === 'keyword' && kw.val === 'define') {
          actionPos = delim.pos;
          const dname = parseTemplateName('define clause');
          expect('rightDelim', 'define clause');
          const saveVars = vars;
          vars = ['$'];
          const body = itemList();
          if (body.end !== 'end') bail('unexpected {{else}} in define clause');
          vars = saveVars;
          addDefine(dname, body.list, tokens[i - 1]!);
          continue;
        }
        i -= 2;
        while (tokens[i]!.type !== 'leftDelim') i--;
      }
      const node = textOrAction();
      if (node === 'end') bail('unexpected {{end}}');
      else if (node === 'else') bail('unexpected {{else}}');
      else if (node) root.nodes.push(node);
    }
  } catch (e) {
    if (e instanceof Bail) {
      const line = lineOf(e.pos);
      throw new TemplateError(`template: ${name}:${line}: ${e.message}`, 'parse', name, name, line, 0, '', e.message);
    }
    throw e;
  }
  return { root, defines };
}

/** Go's parse.IsEmptyTree for a list: only whitespace text (comments are already dropped). */
export function isEmptyList(list: ListNode): boolean {
  return list.nodes.every((n) => n.type === 'text' && n.text.trim() === '');
}

function nodeText(n: ArgNode): string {
  switch (n.type) {
    case 'bool':
      return String(n.value);
    case 'string':
      return n.quoted;
    case 'number':
      return n.text;
    case 'nil':
      return 'nil';
    default:
      return '.';
  }
}

/**
 * Go's strconv.Unquote for "…" (escapes), `…` (raw, carriage returns dropped) and '…' strings.
 * Returns null on invalid syntax.
 */
export function unquoteGo(q: string): string | null {
  if (q.length < 2) return null;
  const quote = q[0];
  if (q[q.length - 1] !== quote) return null;
  const body = q.slice(1, -1);
  if (quote === '`') return body.includes('`') ? null : body.replace(/\r/g, '');
  if (quote !== '"' && quote !== "'") return null;
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c === quote || c === '\n') return null;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++k];
    switch (e) {
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case "'":
      case '"':
        if (e !== quote) return null;
        out += e;
        break;
      case 'x':
      case 'u':
      case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(k + 1, k + 1 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return null;
        const v = parseInt(hex, 16);
        k += len;
        if (e === 'x') {
          // A byte: Go strings are bytes; bytes >= 0x80 cannot be kept as such in a JS string, keep the code unit.
          out += String.fromCharCode(v);
        } else {
          if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return null;
          out += String.fromCodePoint(v);
        }
        break;
      }
      default: {
        if (e !== undefined && e >= '0' && e <= '7') {
          const oct = body.slice(k, k + 3);
          if (!/^[0-7]{3}$/.test(oct)) return null;
          const v = parseInt(oct, 8);
          if (v > 255) return null;
          out += String.fromCharCode(v);
          k += 2;
          break;
        }
        return null;
      }
    }
  }
  return out;
}

/**
 * A Go numeric constant as text/template types an untyped constant with no context: an integer literal (decimal,
 * 0x, 0o, 0b, leading-0 octal, underscores between digits) is an int, anything with a fraction or exponent is a
 * float64. Returns null when the syntax is illegal.
 */
export function parseGoNumber(text: string): { value: GoValue; error?: string; parseError?: string } | null {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return null;
  const lower = s.toLowerCase();
  const isHex = lower.startsWith('0x');
  const hasPrefix = isHex || lower.startsWith('0o') || lower.startsWith('0b');
  // Underscores: only between digits, or right after a base prefix, as Go's strconv requires.
  if (s.includes('_')) {
    const digits = hasPrefix ? 'x' + s.slice(2) : s;
    if (!/^[0-9a-zA-Z.+-]+$/.test(digits.replace(/_/g, '')) || /(^|[^0-9a-zA-Z])_|_($|[^0-9a-zA-Z])/.test(digits))
      return null;
    s = s.replace(/_/g, '');
  }
  const isFloatSyntax = isHex ? /[pP]/.test(s) : /[.eE]/.test(s);
  if (!isFloatSyntax) {
    let big: bigint;
    try {
      if (isHex || lower.startsWith('0o') || lower.startsWith('0b')) {
        if (s.length <= 2) return null;
        big = BigInt(lower.startsWith('0o') ? '0o' + s.slice(2) : s);
      } else if (s.length > 1 && s[0] === '0') {
        if (!/^[0-7]+$/.test(s)) return null;
        big = BigInt('0o' + s.slice(1));
      } else {
        if (!/^[0-9]+$/.test(s)) return null;
        big = BigInt(s);
      }
    } catch {
      return null;
    }
    if (neg) big = -big;
    // Beyond uint64 (or below int64) Go refuses the literal when parsing; between int64 and uint64 it is
    // accepted and fails only when used as an int.
    if (big > UINT64_MAX || big < INT64_MIN) return { value: null, parseError: 'integer overflow' };
    if (big > INT64_MAX) return { value: null, error: `${text} overflows int` };
    return { value: big };
  }
  let f: number;
  if (isHex) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
    const intPart = m[1] ?? '';
    const frac = m[2] ?? '';
    const mant = parseInt(intPart + frac || '0', 16);
    f = mant * Math.pow(2, Number(m[3]) - 4 * frac.length);
  } else {
    if (!/^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) return null;
    f = Number(s);
  }
  if (!Number.isFinite(f)) return null;
  return { value: neg ? -f : f };
}
