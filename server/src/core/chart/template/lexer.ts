// Splits template source into tokens the way Go's text/template/parse lexer does: text between actions,
// `{{`/`}}` with the trim markers `{{- ` and ` -}}` (a dash next to an ASCII space, tab, CR or LF), comments
// `{{/* */}}`, and inside actions words, fields, variables, strings, numbers and punctuation.
// The whole source is tokenised up front; an error becomes the last token, as in Go.

export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'field'
  | 'variable'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'char'
  | 'leftParen'
  | 'rightParen'
  | 'pipe'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'error';

export interface Token {
  readonly type: TokenType;
  readonly val: string;
  readonly pos: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

const LEFT = '{{';
const RIGHT = '}}';

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

const enum Delim {
  None = 0,
  Plain = 1,
  Trim = 2,
}

function isAlphaNumeric(c: string): boolean {
  if (c === '') return false;
  const code = c.charCodeAt(0);
  if (c === '_' || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return /[\p{L}\p{Nd}]/u.test(c);
}

function trimRightSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** Go's %#U of a character: U+0041 'A'. */
function goCharDesc(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} '${c}'`;
}

/** The tokens that run to a closing quote with backslash escapes, and what Go's lexer calls them in errors. */
const QUOTED_TOKENS = {
  '"': { type: 'string', what: 'quoted string' },
  "'": { type: 'charConstant', what: 'character constant' },
} as const;

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const n = input.length;

  const emit = (type: TokenType, val = input.slice(start, pos)) => {
    tokens.push({ type, val, pos: start });
    start = pos;
  };
  const fail = (msg: string): Token[] => {
    tokens.push({ type: 'error', val: msg, pos: start });
    return tokens;
  };
  const at = (s: string, p = pos) => input.startsWith(s, p);
  /** A ` -}}` (trim marker then right delimiter) at p, or a plain `}}`. */
  const rightDelimAt = (p: number): Delim => {
    const c = input.charCodeAt(p);
    if (c === 125 /* } */) return input.charCodeAt(p + 1) === 125 ? Delim.Plain : Delim.None;
    if (
      isSpaceCode(c) &&
      input.charCodeAt(p + 1) === 45 /* - */ &&
      input.charCodeAt(p + 2) === 125 &&
      input.charCodeAt(p + 3) === 125
    ) {
      return Delim.Trim;
    }
    return Delim.None;
  };
  const atTerminator = (): boolean => {
    if (pos >= n) return true;
    const c = input[pos]!;
    if (isSpace(c) || c === '.' || c === ',' || c === '|' || c === ':' || c === ')' || c === '(') return true;
    return at(RIGHT);
  };

  let trimNextText = false;
  for (;;) {
    // ---- text up to the next action
    const next = input.indexOf(LEFT, pos);
    const textEnd = next < 0 ? n : next;
    const trimLeft = next >= 0 && input[next + 2] === '-' && next + 3 < n && isSpace(input[next + 3]!);
    let text = input.slice(pos, textEnd);
    let textStart = pos;
    if (trimNextText) {
      let i = 0;
      while (i < text.length && isSpace(text[i]!)) i++;
      text = text.slice(i);
      textStart += i;
      trimNextText = false;
    }
    if (trimLeft) text = trimRightSpaces(text);
    if (text.length > 0) tokens.push({ type: 'text', val: text, pos: textStart });
    if (next < 0) {
      tokens.push({ type: 'eof', val: '', pos: n });
      return tokens;
    }
    // ---- left delimiter, maybe a comment
    pos = next;
    start = pos;
    const afterMarker = trimLeft ? 4 : 2;
    if (at('/*', pos + afterMarker)) {
      const close = input.indexOf('*/', pos + afterMarker + 2);
      if (close < 0) return fail('unclosed comment');
      pos = close + 2;
      const d = rightDelimAt(pos);
      if (d === Delim.None) return fail('comment ends before closing delimiter');
      pos += d === Delim.Trim ? 4 : 2;
      start = pos;
      trimNextText = d === Delim.Trim;
      continue;
    }
    pos += afterMarker;
    tokens.push({ type: 'leftDelim', val: LEFT, pos: next });
    start = pos;
    parenDepth = 0;
    // ---- inside the action
    for (;;) {
      const d = rightDelimAt(pos);
      if (d !== Delim.None) {
        if (parenDepth > 0) return fail('unclosed left paren');
        if (d === Delim.Trim) pos += 2;
        start = pos;
        pos += 2;
        emit('rightDelim', RIGHT);
        trimNextText = d === Delim.Trim;
        break;
      }
      if (pos >= n) return fail('unclosed action');
      const c = input[pos]!;
      if (isSpace(c)) {
        let numSpaces = 0;
        while (pos < n && isSpace(input[pos]!)) {
          pos++;
          numSpaces++;
        }
        // A space followed by `-}}` belongs to the trim marker.
        if (input[pos] === '-' && at(RIGHT, pos + 1)) {
          pos--;
          if (numSpaces === 1) continue;
        }
        emit('space');
        continue;
      }
      pos++;
      switch (c) {
        case '=':
          emit('assign');
          continue;
        case ':':
          if (input[pos] !== '=') return fail('expected :=');
          pos++;
          emit('declare');
          continue;
        case '|':
          emit('pipe');
          continue;
        case '"':
        case "'": {
          const quoted = QUOTED_TOKENS[c];
          if (!scanQuoted(c)) return fail(`unterminated ${quoted.what}`);
          emit(quoted.type);
          continue;
        }
        case '`': {
          const close = input.indexOf('`', pos);
          if (close < 0) return fail('unterminated raw quoted string');
          pos = close + 1;
          emit('rawString');
          continue;
        }
        case '$':
        case '.': {
          if (c === '.' && pos < n && input[pos]! >= '0' && input[pos]! <= '9') {
            pos--;
            const err = scanNumber();
            if (err) return fail(err);
            continue;
          }
          if (atTerminator()) {
            emit(c === '$' ? 'variable' : 'dot');
            continue;
          }
          while (pos < n && isAlphaNumeric(input[pos]!)) pos++;
          if (!atTerminator())
            return fail(`bad character ${goCharDesc(String.fromCodePoint(input.codePointAt(pos)!))}`);
          emit(c === '$' ? 'variable' : 'field');
          continue;
        }
        case '(':
          parenDepth++;
          emit('leftParen');
          continue;
        case ')':
          parenDepth--;
          if (parenDepth < 0) return fail('unexpected right paren');
          emit('rightParen');
          continue;
      }
      if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
        pos--;
        const err = scanNumber();
        if (err) return fail(err);
        continue;
      }
      if (isAlphaNumeric(c)) {
        while (pos < n && isAlphaNumeric(input[pos]!)) pos++;
        if (!atTerminator()) return fail(`bad character ${goCharDesc(String.fromCodePoint(input.codePointAt(pos)!))}`);
        const word = input.slice(start, pos);
        if (KEYWORDS.has(word)) emit('keyword');
        else if (word === 'true' || word === 'false') emit('bool');
        else if (word === 'nil') emit('nil');
        else emit('identifier');
        continue;
      }
      const code = c.charCodeAt(0);
      if (code < 128 && code >= 0x20 && code !== 0x7f) {
        emit('char');
        continue;
      }
      return fail(`unrecognized character in action: ${goCharDesc(String.fromCodePoint(input.codePointAt(pos - 1)!))}`);
    }
  }

  // A quoted string or character constant, its opening quote read: past the closing `quote`, a backslash escaping
  // the next character. False when the line or the input ends first (Go's lexQuote and lexChar).
  function scanQuoted(quote: string): boolean {
    for (;;) {
      if (pos >= n || input[pos] === '\n') return false;
      const ch = input[pos++];
      if (ch === '\\') {
        if (pos >= n || input[pos] === '\n') return false;
        pos++;
      } else if (ch === quote) return true;
    }
  }

  // Go's number scanner: sign, base prefix, digits with underscores, fraction, exponent. Returns an error text.
  function scanNumber(): string | undefined {
    const accept = (valid: string) => {
      if (pos < n && valid.includes(input[pos]!)) {
        pos++;
        return true;
      }
      return false;
    };
    const acceptRun = (valid: string) => {
      while (pos < n && valid.includes(input[pos]!)) pos++;
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (accept('i'))
      return `bad number syntax: ${JSON.stringify(input.slice(start, pos))} (complex numbers are not supported)`;
    if (pos < n && isAlphaNumeric(input[pos]!)) {
      pos++;
      return `bad number syntax: ${JSON.stringify(input.slice(start, pos))}`;
    }
    emit('number');
    return undefined;
  }
}
