// Table tests of the Go text/template engine against Go's documented semantics (text/template package docs,
// fmt docs for print/printf, strconv for float text). Each case is template → expected output, or template →
// expected error text (Go's wording, which Helm shows users). The expected texts were checked against the real
// Helm v4.1.4 (built with Go 1.25.9): ~335 templates rendered by both, identical except Sprig's own `slice`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GoObject,
  TemplateError,
  TemplateSet,
  withSignature,
  type GoValue,
  type MissingKey,
} from '../../server/src/core/chart/template';

/** Builds Go data from a JS literal: objects become Go maps, arrays slices; numbers stay float64, bigints ints. */
function go(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(go);
  if (v instanceof Map || v instanceof GoObject || typeof v === 'function') return v as GoValue;
  if (typeof v === 'object') return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, go(x)]));
  return v as GoValue;
}

interface Case {
  name: string;
  tpl: string;
  data?: unknown;
  want?: string;
  err?: string | RegExp;
  missingKey?: MissingKey;
}

function run(c: Case): string {
  const set = new TemplateSet({ missingKey: c.missingKey ?? 'default' });
  set.parse('t', c.tpl);
  return set.execute('t', go(c.data ?? {}));
}

function check(cases: Case[]) {
  for (const c of cases) {
    it(c.name, () => {
      if (c.err !== undefined) {
        assert.throws(
          () => run(c),
          (e: unknown) => {
            assert.ok(e instanceof TemplateError, `expected a TemplateError, got ${String(e)}`);
            if (typeof c.err === 'string') assert.equal(e.message, c.err);
            else assert.match(e.message, c.err!);
            return true;
          },
        );
      } else {
        assert.equal(run(c), c.want);
      }
    });
  }
}

describe('template engine: text, comments and trimming', () => {
  check([
    { name: 'plain text', tpl: 'hello\nworld', want: 'hello\nworld' },
    { name: 'comment produces nothing', tpl: 'a{{/* note */}}b', want: 'ab' },
    { name: 'comment with trim markers', tpl: 'a  {{- /* note */ -}}  b', want: 'ab' },
    { name: 'left trim removes spaces and newlines before', tpl: 'a \n\t {{- "x" }}', want: 'ax' },
    { name: 'right trim removes spaces and newlines after', tpl: '{{ "x" -}} \n\n b', want: 'xb' },
    { name: 'both trims', tpl: 'a\n  {{- "x" -}}\n  b', want: 'axb' },
    { name: 'dash without space is a negative number, not a trim', tpl: 'a {{-3}} b', want: 'a -3 b' },
    {
      name: 'trim inside if/end keeps the body lines clean',
      tpl: 'x:\n{{- if true }}\n  y: 1\n{{- end }}\nz',
      want: 'x:\n  y: 1\nz',
    },
    { name: 'trimming stops at non-space', tpl: 'a.\n {{- "b" }}', want: 'a.b' },
    { name: 'action may span lines', tpl: '{{ print\n  "a"\n  "b" }}', want: 'ab' },
    { name: 'raw string keeps newlines', tpl: '{{ `a\nb` }}', want: 'a\nb' },
  ]);
});

describe('template engine: literals', () => {
  check([
    { name: 'int', tpl: '{{ 42 }}', want: '42' },
    { name: 'negative int', tpl: '{{ -7 }}', want: '-7' },
    { name: 'hex int', tpl: '{{ 0x1F }}', want: '31' },
    { name: 'octal with 0o', tpl: '{{ 0o17 }}', want: '15' },
    { name: 'legacy octal', tpl: '{{ 017 }}', want: '15' },
    { name: 'binary', tpl: '{{ 0b101 }}', want: '5' },
    { name: 'underscores', tpl: '{{ 1_000_000 }}', want: '1000000' },
    { name: 'float', tpl: '{{ 1.5 }}', want: '1.5' },
    { name: 'float with exponent prints like Go', tpl: '{{ 1e6 }}', want: '1e+06' },
    { name: 'integral float literal is float64', tpl: '{{ 3.0 }}', want: '3' },
    { name: 'char constant is an int', tpl: "{{ 'a' }}", want: '97' },
    { name: 'escaped char constant', tpl: "{{ '\\n' }}", want: '10' },
    { name: 'interpreted string escapes', tpl: '{{ "a\\tb\\u00e9\\x41" }}', want: 'a\tbéA' },
    { name: 'true/false', tpl: '{{ true }} {{ false }}', want: 'true false' },
    {
      name: 'nil is not a command',
      tpl: '{{ nil }}',
      err: 'template: t:1:3: executing "t" at <nil>: nil is not a command',
    },
    {
      name: 'int overflow (fits uint64: fails when used)',
      tpl: '{{ 9223372036854775808 }}',
      err: /9223372036854775808 overflows int/,
    },
    {
      name: 'int overflow beyond uint64 is a parse error',
      tpl: '{{ 99999999999999999999 }}',
      err: 'template: t:1: integer overflow: "99999999999999999999"',
    },
    {
      name: 'float overflow is a parse error',
      tpl: '{{ 1e400 }}',
      err: 'template: t:1: illegal number syntax: "1e400"',
    },
    { name: 'empty char constant', tpl: "{{ '' }}", err: 'template: t:1: invalid syntax' },
    { name: 'two-char constant', tpl: "{{ 'ab' }}", err: "template: t:1: malformed character constant: 'ab'" },
    { name: 'dot after a field shows as <.>', tpl: '{{ .a.}}', err: 'template: t:1: unexpected <.> in operand' },
    {
      name: 'else with inside if is a stray keyword',
      tpl: '{{ if 1 }}{{ else with 2 }}{{ end }}',
      err: 'template: t:1: unexpected <with> in input',
    },
  ]);
});

// Note on columns: Go gives a field chain (.a.b) the position of its second element, so errors on `.x.y`
// point at `.y`; a single field or a command points at its first character.
describe('template engine: fields, variables and data', () => {
  const data = { a: { b: { c: 'deep' } }, n: 1.5, list: ['x', 'y'], empty: {}, nilv: null };
  check([
    { name: 'field chain', tpl: '{{ .a.b.c }}', data, want: 'deep' },
    { name: 'dot', tpl: '{{ .list }}', data, want: '[x y]' },
    { name: '$ is the root data', tpl: '{{ with .a }}{{ $.n }}{{ end }}', data, want: '1.5' },
    { name: 'variable with field chain', tpl: '{{ $x := .a }}{{ $x.b.c }}', data, want: 'deep' },
    { name: 'declaration prints nothing', tpl: '[{{ $x := 1 }}]', want: '[]' },
    {
      name: 'assignment changes the outer variable',
      tpl: '{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}',
      want: '2',
    },
    {
      name: 'declaration inside if shadows only inside',
      tpl: '{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}',
      want: '21',
    },
    {
      name: 'assignment inside range persists',
      tpl: '{{ $s := "" }}{{ range .list }}{{ $s = print $s . }}{{ end }}{{ $s }}',
      data,
      want: 'xy',
    },
    { name: 'parenthesised pipeline then field', tpl: '{{ (.a).b.c }}', data, want: 'deep' },
    { name: 'missing key prints <no value>', tpl: '{{ .nope }}', data, want: '<no value>' },
    { name: 'nil value prints <no value>', tpl: '{{ .nilv }}', data, want: '<no value>' },
    { name: 'missing key through chain (default mode) is silent', tpl: '{{ .nope.deeper }}', data, want: '<no value>' },
    {
      name: 'missing key through chain (zero mode, Helm) is a nil pointer error',
      tpl: '{{ .nope.deeper }}',
      data,
      missingKey: 'zero',
      err: 'template: t:1:8: executing "t" at <.nope.deeper>: nil pointer evaluating interface {}.deeper',
    },
    {
      name: 'nil value through chain is a nil pointer error in every mode',
      tpl: '{{ .nilv.x }}',
      data,
      err: 'template: t:1:8: executing "t" at <.nilv.x>: nil pointer evaluating interface {}.x',
    },
    { name: 'missingkey=error', tpl: '{{ .nope }}', data, missingKey: 'error', err: /map has no entry for key "nope"/ },
    { name: 'field of a string', tpl: '{{ .a.b.c.d }}', data, err: /can't evaluate field d in type interface \{\}/ },
    {
      name: 'field of a string held in a variable names its type',
      tpl: '{{ $s := "x" }}{{ $s.d }}',
      err: /can't evaluate field d in type string/,
    },
    { name: 'map field with arguments', tpl: '{{ .a 1 }}', data, err: /a is not a method but has arguments/ },
    {
      name: 'undefined variable is a parse error',
      tpl: '{{ $nope }}',
      err: 'template: t:1: undefined variable "$nope"',
    },
    {
      name: 'variable from if is gone after end',
      tpl: '{{ if true }}{{ $v := 1 }}{{ end }}{{ $v }}',
      err: /undefined variable "\$v"/,
    },
    {
      name: 'variable from range is gone after end',
      tpl: '{{ range .list }}{{ $v := 1 }}{{ end }}{{ $v }}',
      data,
      err: /undefined variable "\$v"/,
    },
    {
      name: 'argument to a non-function',
      tpl: '{{ $x := 1 }}{{ $x 2 }}',
      err: /can't give argument to non-function \$x/,
    },
  ]);
});

describe('template engine: objects with fields and methods', () => {
  const caps = new GoObject(
    '*chartutil.Capabilities',
    {
      KubeVersion: new GoObject(
        'chartutil.KubeVersion',
        { Version: 'v1.30.0', Major: '1', Minor: '30' },
        {},
        () => 'v1.30.0',
      ),
      APIVersions: new GoObject('chartutil.VersionSet', {}, { Has: (v) => v === 'policy/v1' }),
    },
    {},
  );
  const files = new GoObject(
    'files',
    {},
    {
      Get: (name) => (name === 'a.txt' ? 'content' : ''),
      Fail: () => {
        throw new Error('boom');
      },
    },
  );
  const data = { Capabilities: caps, Files: files };
  check([
    { name: 'struct field chain', tpl: '{{ .Capabilities.KubeVersion.Version }}', data, want: 'v1.30.0' },
    {
      name: 'method with argument',
      tpl: '{{ .Capabilities.APIVersions.Has "policy/v1" }} {{ .Capabilities.APIVersions.Has "x" }}',
      data,
      want: 'true false',
    },
    {
      name: 'method result in if',
      tpl: '{{ if .Capabilities.APIVersions.Has "policy/v1" }}yes{{ end }}',
      data,
      want: 'yes',
    },
    { name: 'method from a pipeline final argument', tpl: '{{ "a.txt" | .Files.Get }}', data, want: 'content' },
    { name: 'stringer prints', tpl: '{{ .Capabilities.KubeVersion }}', data, want: 'v1.30.0' },
    {
      name: 'unknown field',
      tpl: '{{ .Capabilities.Nope }}',
      data,
      err: /can't evaluate field Nope in type \*chartutil.Capabilities/,
    },
    {
      name: 'method error',
      tpl: '{{ .Files.Fail }}',
      data,
      err: 'template: t:1:9: executing "t" at <.Files.Fail>: error calling Fail: boom',
    },
    { name: 'struct printed', tpl: '{{ .Capabilities.APIVersions }}', data, want: '{}' },
  ]);
});

describe('template engine: control structures', () => {
  const data = { m: { b: 2n, a: 1n, c: 3n }, list: ['x', 'y', 'z'], empty: [], zero: 0, s: '' };
  check([
    { name: 'if/else', tpl: '{{ if .s }}a{{ else }}b{{ end }}', data, want: 'b' },
    {
      name: 'else if chain',
      tpl: '{{ if .s }}a{{ else if .zero }}b{{ else if .list }}c{{ else }}d{{ end }}',
      data,
      want: 'c',
    },
    { name: 'with sets dot', tpl: '{{ with .m }}{{ .a }}{{ end }}', data, want: '1' },
    { name: 'with else', tpl: '{{ with .empty }}x{{ else }}none{{ end }}', data, want: 'none' },
    { name: 'else with', tpl: '{{ with .s }}a{{ else with .list }}{{ index . 0 }}{{ end }}', data, want: 'x' },
    { name: 'range over a slice', tpl: '{{ range .list }}[{{ . }}]{{ end }}', data, want: '[x][y][z]' },
    {
      name: 'range with index and value',
      tpl: '{{ range $i, $v := .list }}{{ $i }}={{ $v }} {{ end }}',
      data,
      want: '0=x 1=y 2=z ',
    },
    {
      name: 'range over a map in sorted key order',
      tpl: '{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}',
      data,
      want: 'a=1;b=2;c=3;',
    },
    {
      name: 'range with one variable gets the element',
      tpl: '{{ range $v := .m }}{{ $v }}{{ end }}',
      data,
      want: '123',
    },
    { name: 'range else on empty', tpl: '{{ range .empty }}x{{ else }}empty{{ end }}', data, want: 'empty' },
    { name: 'range else on missing', tpl: '{{ range .nope }}x{{ else }}empty{{ end }}', data, want: 'empty' },
    { name: 'range over an int', tpl: '{{ range 3 }}{{ . }}{{ end }}', want: '012' },
    {
      name: 'range over a float is an error, reported at the pipeline',
      tpl: '{{ range .zero }}{{ end }}',
      data,
      err: 'template: t:1:9: executing "t" at <.zero>: range can\'t iterate over 0',
    },
    { name: 'break', tpl: '{{ range .list }}{{ if eq . "y" }}{{ break }}{{ end }}{{ . }}{{ end }}', data, want: 'x' },
    {
      name: 'continue',
      tpl: '{{ range .list }}{{ if eq . "y" }}{{ continue }}{{ end }}{{ . }}{{ end }}',
      data,
      want: 'xz',
    },
    { name: 'break outside range', tpl: '{{ break }}', err: 'template: t:1: {{break}} outside {{range}}' },
    {
      name: 'dot inside range is the element, $ the root',
      tpl: '{{ range .list }}{{ len $.list }}{{ end }}',
      data,
      want: '333',
    },
    { name: 'unexpected end', tpl: '{{ end }}', err: 'template: t:1: unexpected {{end}}' },
    { name: 'unclosed if', tpl: '{{ if true }}x', err: /unexpected EOF/ },
    { name: 'empty if pipeline', tpl: '{{ if }}x{{ end }}', err: 'template: t:1: missing value for if' },
  ]);
});

describe('template engine: define, template, block', () => {
  check([
    {
      name: 'define and template with data',
      tpl: '{{ define "x" }}<{{ . }}>{{ end }}{{ template "x" "a" }}',
      want: '<a>',
    },
    {
      name: 'template without data gets no value',
      tpl: '{{ define "x" }}<{{ . }}>{{ end }}{{ template "x" }}',
      want: '<<no value>>',
    },
    {
      name: 'template sees no caller variables; $ is its data',
      tpl: '{{ define "x" }}{{ $ }}{{ end }}{{ $y := 1 }}{{ template "x" 5 }}',
      want: '5',
    },
    { name: 'block defines and runs', tpl: '{{ block "b" . }}default {{ . }}{{ end }}', data: 'd', want: 'default d' },
    {
      name: 'undefined template',
      tpl: '{{ template "nope" }}',
      err: 'template: t:1:12: executing "t" at <{{template "nope"}}>: template "nope" not defined',
    },
    { name: 'define is not output', tpl: 'a{{ define "x" }}zzz{{ end }}b', want: 'ab' },
  ]);

  it('a later definition replaces an earlier one, but an empty one does not', () => {
    const set = new TemplateSet();
    set.parse('a', '{{ define "x" }}one{{ end }}');
    set.parse('b', '{{ define "x" }}two{{ end }}{{ define "y" }}y{{ end }}');
    set.parse('c', '{{ define "y" }}  {{ end }}');
    set.parse('main', '{{ template "x" }}{{ template "y" }}');
    assert.equal(set.execute('main', null), 'twoy');
    assert.ok(set.has('x') && set.has('main') && !set.has('zzz'));
  });

  it('two non-empty definitions of one name in one file are a parse error; an empty one is ignored', () => {
    const set = new TemplateSet();
    assert.throws(
      () => set.parse('f', '{{ define "x" }}1{{ end }}{{ define "x" }}2{{ end }}'),
      /template: f:1: template: multiple definition of template "x"/,
    );
    set.parse('g', '{{ define "y" }}1{{ end }}{{ define "y" }} {{ end }}{{ template "y" }}');
    assert.equal(set.execute('g', null), '1');
  });

  it('lazily registered files give the same templates as parsing them all, in the same order rules', () => {
    const files: [string, string][] = [
      ['a', '{{ define "x" }}one{{ end }}{{ define "e" }}E{{ end }}'],
      ['b', '{{ define "x" }}two{{ end }}{{- define `raw` }}R{{ end }}'],
      ['c', '{{ define "e" }}  {{ end }}{{ block "blk" . }}B{{ end }}'],
      ['main', '{{ template "x" }}{{ template "e" }}{{ template "raw" }}{{ template "blk" }}'],
    ];
    const eager = new TemplateSet();
    for (const [n, t] of files) eager.parse(n, t);
    const lazy = new TemplateSet();
    for (const [n, t] of files) lazy.parseLazy(n, t);
    assert.equal(lazy.execute('main', null), eager.execute('main', null));
    assert.equal(lazy.execute('main', null), 'twoERB');
    // Only what main needed was parsed: file c (for "e" and "blk") and a, b; a file nobody uses stays pending.
    const lazy2 = new TemplateSet();
    let parsedBroken = false;
    lazy2.parseLazy('broken', '{{ if }}');
    lazy2.parseLazy('ok', 'fine');
    assert.equal(lazy2.execute('ok', null), 'fine');
    try {
      lazy2.names();
    } catch {
      parsedBroken = true;
    }
    assert.ok(parsedBroken, 'names() parses every pending file, surfacing its parse error');
  });

  it('errors inside a defined template name the template and its own file and line', () => {
    const set = new TemplateSet();
    set.parse('helpers.tpl', '\n{{ define "h" }}\n  {{ .x.y }}{{ end }}');
    set.parse('main.yaml', '{{ template "h" .v }}');
    assert.throws(
      () => set.execute('main.yaml', go({ v: { x: null } })),
      (e: unknown) =>
        e instanceof TemplateError &&
        e.message === 'template: helpers.tpl:3:7: executing "h" at <.x.y>: nil pointer evaluating interface {}.y' &&
        e.fileName === 'helpers.tpl' &&
        e.line === 3 &&
        e.templateName === 'h',
    );
  });
});

describe('template engine: functions', () => {
  const data = {
    t: true,
    f: false,
    zero: 0,
    one: 1.0,
    s: 'str',
    list: ['a', 'b', 'c'],
    m: { k: 'v', n: { x: 1n } },
    i: 3n,
  };
  check([
    { name: 'and returns the first false argument', tpl: '{{ and 1 0 2 }}', want: '0' },
    { name: 'and returns the last argument when all true', tpl: '{{ and 1 "x" 2 }}', want: '2' },
    { name: 'or returns the first true argument', tpl: '{{ or 0 "" "x" 2 }}', want: 'x' },
    { name: 'or returns the last argument when all false', tpl: '{{ or 0 "" }}', want: '' },
    {
      name: 'and short-circuits (no nil pointer error)',
      tpl: '{{ and .f .nope.deeper }}',
      data,
      missingKey: 'zero',
      want: 'false',
    },
    { name: 'or short-circuits (no error)', tpl: '{{ or .t (index .list 99) }}', data, want: 'true' },
    { name: 'and with pipeline final argument', tpl: '{{ 0 | and 1 }}', want: '0' },
    { name: 'not', tpl: '{{ not 0 }} {{ not "x" }} {{ not .m }}', data, want: 'true false false' },
    { name: 'len', tpl: '{{ len .list }} {{ len .s }} {{ len .m }}', data, want: '3 3 2' },
    { name: 'len of a number', tpl: '{{ len .one }}', data, err: /error calling len: len of type float64/ },
    {
      name: 'len of a nil map value',
      tpl: '{{ len .nope }}',
      data,
      missingKey: 'zero',
      err: /error calling len: len of nil pointer/,
    },
    { name: 'index slice', tpl: '{{ index .list 1 }}', data, want: 'b' },
    { name: 'index map, several indices', tpl: '{{ index .m "n" "x" }}', data, want: '1' },
    { name: 'index missing map key gives no value', tpl: '{{ index .m "zz" }}', data, want: '<no value>' },
    { name: 'index out of range', tpl: '{{ index .list 5 }}', data, err: /error calling index: index out of range: 5/ },
    {
      name: 'index just past the end: reflect refuses it',
      tpl: '{{ index .list 3 }}',
      data,
      err: /error calling index: reflect: slice index out of range/,
    },
    {
      name: 'len of a literal nil',
      tpl: '{{ len nil }}',
      err: /error calling len: reflect: call of reflect.Value.Type on zero Value/,
    },
    { name: 'index of nil', tpl: '{{ index .nope "a" }}', data, err: /error calling index: index of untyped nil/ },
    { name: 'index map with a number', tpl: '{{ index .m 1 }}', data, err: /value has type int; should be string/ },
    { name: 'slice of a slice', tpl: '{{ slice .list 1 }} {{ slice .list 0 2 }}', data, want: '[b c] [a b]' },
    { name: 'slice of a string', tpl: '{{ slice "hello" 1 3 }}', want: 'el' },
    { name: 'print adds spaces between non-strings only', tpl: '{{ print 1 2 "a" "b" 3 }}', want: '1 2ab3' },
    { name: 'print nil', tpl: '{{ print nil }} {{ print .nope }}', data, want: '<nil> <nil>' },
    { name: 'println', tpl: '{{ println "a" 1 }}', want: 'a 1\n' },
    { name: 'html', tpl: '{{ html "<a href=\\"x\\">&\'" }}', want: '&lt;a href=&#34;x&#34;&gt;&amp;&#39;' },
    { name: 'js', tpl: '{{ js "it\'s <b>" }}', want: "it\\'s \\u003Cb\\u003E" },
    {
      name: 'js leaves DEL alone and escapes unprintable unicode',
      tpl: '{{ js "\\u2028é\\x7f" }}',
      want: '\\u2028é\x7f',
    },
    { name: 'urlquery', tpl: '{{ urlquery "a b&c=d/é" }}', want: 'a+b%26c%3Dd%2F%C3%A9' },
    {
      name: 'call a function value',
      tpl: '{{ call .fn 2 }}',
      data: { fn: (x: GoValue) => (x as bigint) * 2n },
      want: '4',
    },
    {
      name: 'call a non-function',
      tpl: '{{ call .s }}',
      data,
      err: /error calling call: non-function .s of type string/,
    },
    {
      name: 'unknown function is a parse error',
      tpl: '{{ nope 1 }}',
      err: 'template: t:1: function "nope" not defined',
    },
    { name: 'wrong number of args', tpl: '{{ not 1 2 }}', err: /wrong number of args for not: want 1 got 2/ },
    {
      name: 'non executable pipeline stage',
      tpl: '{{ 1 | 2 }}',
      err: 'template: t:1: non executable command in pipeline stage 2',
    },
    { name: 'pipeline passes the value as the last argument', tpl: '{{ "b" | printf "%s-%s" "a" }}', want: 'a-b' },
  ]);
});

describe('template engine: comparisons (Go type rules)', () => {
  const data = { f: 1.0, i: 1n, s: '1', b: true, list: [1n], m: {}, n: null };
  check([
    { name: 'eq ints', tpl: '{{ eq 1 1 }} {{ eq 1 2 }}', want: 'true false' },
    { name: 'eq with several arguments', tpl: '{{ eq "b" "a" "b" }} {{ eq "z" "a" "b" }}', want: 'true false' },
    { name: 'eq float64 with float64', tpl: '{{ eq .f 1.0 }}', data, want: 'true' },
    {
      name: 'eq int with float is an error',
      tpl: '{{ eq .f 1 }}',
      data,
      err: 'template: t:1:3: executing "t" at <eq .f 1>: error calling eq: incompatible types for comparison: float64 and int',
    },
    { name: 'eq string with int is an error', tpl: '{{ eq .s 1 }}', data, err: /incompatible types for comparison/ },
    {
      name: 'eq with nil is false, not an error',
      tpl: '{{ eq .nope "x" }} {{ eq .n 1 }}',
      data,
      missingKey: 'zero',
      want: 'false false',
    },
    { name: 'eq nil nil', tpl: '{{ eq .nope .n }}', data, want: 'true' },
    {
      name: 'eq of maps is an error',
      tpl: '{{ eq .m .m }}',
      data,
      err: /error calling eq: non-comparable type map\[\]: map\[string\]interface \{\}/,
    },
    {
      name: 'eq string with a slice names both types',
      tpl: '{{ eq "a" .list }}',
      data,
      err: /incompatible types for comparison: string and \[\]interface \{\}/,
    },
    { name: 'ne', tpl: '{{ ne 1 2 }} {{ ne "a" "a" }}', want: 'true false' },
    {
      name: 'lt/le/gt/ge ints',
      tpl: '{{ lt 1 2 }} {{ le 2 2 }} {{ gt 1 2 }} {{ ge 2 3 }}',
      want: 'true true false false',
    },
    { name: 'lt strings', tpl: '{{ lt "a" "b" }}', want: 'true' },
    { name: 'lt floats', tpl: '{{ lt .f 2.5 }}', data, want: 'true' },
    {
      name: 'lt int vs float',
      tpl: '{{ lt .i .f }}',
      data,
      err: /error calling lt: incompatible types for comparison/,
    },
    { name: 'lt of bools', tpl: '{{ lt .b .b }}', data, err: /error calling lt: invalid type for comparison/ },
    { name: 'lt with nil', tpl: '{{ lt .nope 1 }}', data, err: /error calling lt: invalid type for comparison/ },
    { name: 'eq missing argument', tpl: '{{ eq 1 }}', err: /error calling eq: missing argument for comparison/ },
  ]);
});

describe('template engine: printf and value printing like Go', () => {
  const data = {
    big: 1000000.0,
    hundredk: 100000.0,
    half: 1.5,
    tiny: 0.00001,
    small: 0.0001,
    n: 123456789.0,
    i: 42n,
    m: { b: 2.0, a: 'x', c: [1n, 'y'] },
    l: ['a', 1.5, true, null],
    s: 'hi',
  };
  check([
    {
      name: '%v of floats (strconv g shortest)',
      tpl: '{{ printf "%v %v %v %v %v %v" .big .hundredk .half .tiny .small .n }}',
      data,
      want: '1e+06 100000 1.5 1e-05 0.0001 1.23456789e+08',
    },
    { name: 'printing floats directly', tpl: '{{ .big }} {{ .hundredk }}', data, want: '1e+06 100000' },
    { name: '%v of a map sorts keys', tpl: '{{ printf "%v" .m }}', data, want: 'map[a:x b:2 c:[1 y]]' },
    { name: 'map printed directly', tpl: '{{ .m }}', data, want: 'map[a:x b:2 c:[1 y]]' },
    { name: 'slice with nil', tpl: '{{ .l }}', data, want: '[a 1.5 true <nil>]' },
    { name: '%s %d %t %q', tpl: '{{ printf "%s %d %t %q" .s .i true .s }}', data, want: 'hi 42 true "hi"' },
    { name: "%d of a float is Go's bad-verb text", tpl: '{{ printf "%d" .half }}', data, want: '%!d(float64=1.5)' },
    { name: '%s of an int', tpl: '{{ printf "%s" .i }}', data, want: '%!s(int=42)' },
    {
      name: 'missing and extra arguments',
      tpl: '{{ printf "%s %s" "a" }}|{{ printf "%s" "a" "b" }}',
      want: 'a %!s(MISSING)|a%!(EXTRA string=b)',
    },
    {
      name: 'width and precision',
      tpl: '{{ printf "[%5s][%-5s][%05d][%.2f][%8.3f][%x][%X][%#x]" "ab" "ab" 42 3.14159 2.5 255 255 255 }}',
      want: '[   ab][ab   ][00042][3.14][   2.500][ff][FF][0xff]',
    },
    {
      name: '%f rounds half to even on exact ties',
      tpl: '{{ printf "%.0f %.0f %.1f" 2.5 3.5 0.25 }}',
      want: '2 4 0.2',
    },
    {
      name: '%f rounds the exact binary value',
      tpl: '{{ printf "%.0f %.0f %.1f %.2f" 0.5 1.5 0.05 1.005 }}',
      want: '0 2 0.1 1.00',
    },
    { name: '%g and %e', tpl: '{{ printf "%g %e %g" 100000.0 1234.5678 1e21 }}', want: '100000 1.234568e+03 1e+21' },
    { name: '%q escapes', tpl: '{{ printf "%q" "a\\"b\\n" }}', want: '"a\\"b\\n"' },
    { name: '%v of nil and %% ', tpl: '{{ printf "%v %d%%" nil 5 }}', want: '<nil> 5%' },
    { name: '%dh0m0s pattern from the chart', tpl: '{{ printf "%dh0m0s" 24 }}', want: '24h0m0s' },
    {
      name: 'printf with a non-string format',
      tpl: '{{ printf .i }}',
      data,
      err: /wrong type for value; expected string; got int/,
    },
  ]);
});

describe('template engine: provenance tracer', () => {
  it('reports the full path of every read, also through variables, index and nested templates', () => {
    const set = new TemplateSet({ missingKey: 'zero' });
    set.parse(
      't',
      '{{ define "sub" }}{{ .masquerade }}{{ end }}a: {{ .Values.a }}\n{{- $bpf := .Values.bpf }}\nb: {{ $bpf.masquerade }}\nc: {{ index .Values "c" }}\nd: {{ template "sub" .Values.bpf }}\n{{ range $k, $v := .Values.list }}{{ $v.x }}{{ end }}',
    );
    const reads: [string, number][] = [];
    const data = go({ Values: { a: 1n, bpf: { masquerade: true }, c: 'C', list: [{ x: 'X' }] } });
    const out = set.execute('t', data, { tracer: (p, off) => reads.push([p.join('.'), off]) });
    assert.equal(out, 'a: 1\nb: true\nc: C\nd: true\nX');
    const paths = reads.map((r) => r[0]);
    assert.ok(paths.includes('Values.a'));
    assert.ok(paths.includes('Values.bpf'));
    assert.equal(paths.filter((p) => p === 'Values.bpf.masquerade').length, 2, paths.join(' '));
    assert.ok(paths.includes('Values.c'));
    assert.ok(paths.includes('Values.list.0.x'));
    // The offset is where output stood when the value was read: `b: ` was already written.
    const b = reads.find((r) => r[0] === 'Values.bpf.masquerade')!;
    assert.equal(out.slice(0, b[1]), 'a: 1\nb: ');
  });

  it('a variable carries the paths it was derived from, including the conditions around its assignment', () => {
    // The shape of cilium-configmap.yaml: a default set early, changed under a condition, written much later.
    const set = new TemplateSet({ missingKey: 'zero' });
    set.parse(
      't',
      [
        '{{- $def := "true" -}}',
        '{{- if .Values.eni.enabled }}{{ $def = "false" }}{{ end -}}',
        '{{- $ipam := .Values.ipam.mode -}}',
        'other: x',
        'masq: {{ $def }}',
        'ipam: {{ $ipam }}',
        '{{ range $k, $v := .Values.extra }}{{ $k }}: {{ $v }}{{ end }}',
      ].join('\n'),
    );
    const events: string[] = [];
    const out = set.execute(
      't',
      go({ Values: { eni: { enabled: false }, ipam: { mode: 'kubernetes' }, extra: { a: 'b' } } }),
      {
        tracer: (p, off, kind) => events.push(`${kind}:${p.join('.')}@${off}`),
      },
    );
    assert.equal(out, 'other: x\nmasq: true\nipam: kubernetes\na: b');
    const masqAt = out.indexOf('true');
    const ipamAt = out.indexOf('kubernetes');
    assert.ok(events.includes(`derived:Values.eni.enabled@${masqAt}`), events.join(' '));
    assert.ok(events.includes(`derived:Values.ipam.mode@${ipamAt}`), events.join(' '));
    assert.ok(
      !events.some((e) => e.startsWith('derived:Values.ipam') && e.endsWith(`@${masqAt}`)),
      'masq does not depend on ipam',
    );
    assert.ok(events.includes(`derived:Values.extra.a@${out.indexOf('b', out.indexOf('a: '))}`), events.join(' '));
  });

  it('spans: each piece of output with the conditions around it and what its own pipeline read', () => {
    const set = new TemplateSet({ missingKey: 'zero' });
    set.addFuncs({ include: (name, data) => set.executeNested(String(name), data) });
    set.parse(
      't',
      [
        '{{- define "mode" }}{{ if .Values.tunnel }}tunnel{{ else }}native{{ end }}{{ end -}}',
        '{{- $def := "true" -}}',
        '{{- if .Values.eni.enabled }}{{ $def = "false" }}{{ end -}}',
        '{{- if .Values.skipped }}',
        'never: written',
        '{{- end }}',
        'masq: {{ $def }}',
        '{{- if .Values.bpf.masquerade }}',
        'bpf: "true"',
        '{{- end }}',
        'mode: {{ include "mode" . }}',
      ].join('\n'),
    );
    const spans: { text: string; paths: string[] }[] = [];
    const data = go({ Values: { eni: { enabled: false }, bpf: { masquerade: true }, tunnel: 'vxlan' } });
    let out = '';
    out = set.execute('t', data, {
      spans: (start, end, paths) =>
        spans.push({ text: `${start}-${end}`, paths: paths.map((p) => p.join('.')).sort() }),
    });
    assert.equal(out, '\nmasq: true\nbpf: "true"\nmode: tunnel');
    const at = (needle: string) => {
      const i = out.indexOf(needle);
      return spans
        .filter((s) => {
          const [a, b] = s.text.split('-').map(Number);
          return a! <= i && i < b!;
        })
        .flatMap((s) => s.paths);
    };
    assert.deepEqual(
      at('true\nbpf'),
      ['Values.eni.enabled'],
      'the default depends on the condition that could have changed it',
    );
    assert.deepEqual(at('bpf:'), ['Values.bpf.masquerade'], 'literal text inside a taken if depends on its condition');
    assert.deepEqual(at('tunnel'), ['Values.tunnel'], 'an include result depends on what the included template read');
    assert.ok(!spans.some((s) => s.paths.includes('Values.skipped')), 'a block that wrote nothing attaches nothing');
  });

  it('include-style nested execution and traceRead report against the outer output', () => {
    const set = new TemplateSet();
    set.addFuncs({
      include: (name, data) => set.executeNested(String(name), data),
      hasKey: (m, k) => {
        set.traceRead(m, String(k));
        return m instanceof Map && m.has(String(k));
      },
    });
    set.parse('t', '{{ define "h" }}{{ .Values.x }}{{ end }}x={{ include "h" . }} {{ hasKey .Values "y" }}');
    const reads: string[] = [];
    const out = set.execute('t', go({ Values: { x: 'X' } }), {
      tracer: (p, off) => reads.push(`${p.join('.')}@${off}`),
    });
    assert.equal(out, 'x=X false');
    assert.deepEqual(reads, ['Values@2', 'Values.x@2', 'Values@4', 'Values.y@4']);
  });
});

describe('template engine: include/tpl support', () => {
  it('executeText parses at run time, sees defined templates, keeps its own defines local', () => {
    const set = new TemplateSet();
    set.addFuncs({ tpl: (text, data) => set.executeText('gotpl', String(text), data) });
    set.parse('helpers', '{{ define "name" }}cilium{{ end }}');
    set.parse('t', '{{ tpl .Values.text . }}|{{ template "name" }}');
    const out = set.execute(
      't',
      go({ Values: { text: '{{ define "name" }}other{{ end }}{{ template "name" }}-{{ .Values.v }}', v: 'V' } }),
    );
    assert.equal(out, 'other-V|cilium');
  });

  it('errors inside a function-run template are wrapped as error calling NAME', () => {
    const set = new TemplateSet();
    set.addFuncs({ include: (name, data) => set.executeNested(String(name), data) });
    set.parse('t', '{{ define "bad" }}{{ .x.y }}{{ end }}{{ include "bad" . }}');
    assert.throws(
      () => set.execute('t', go({ x: null })),
      (e: unknown) =>
        e instanceof TemplateError &&
        e.message ===
          'template: t:1:40: executing "t" at <include "bad" .>: error calling include: template: t:1:23: executing "bad" at <.x.y>: nil pointer evaluating interface {}.y' &&
        e.call?.func === 'include',
    );
  });

  it('a missing template for include names the set', () => {
    const set = new TemplateSet();
    assert.throws(
      () => set.executeNested('nope', null),
      /template: no template "nope" associated with template "gotpl"/,
    );
  });

  it('runaway recursion fails with a template error, not a crash', () => {
    const set = new TemplateSet();
    set.parse('t', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}');
    assert.throws(() => set.execute('t', null), TemplateError);
  });
});

describe('template engine: functions with declared Go parameter types', () => {
  const funcs = {
    indent: withSignature((n: GoValue, s: GoValue) => ' '.repeat(Number(n)) + String(s), ['int', 'string']),
    lower: withSignature((s: GoValue) => String(s).toLowerCase(), ['string']),
    join: withSignature((sep: GoValue, ...rest: GoValue[]) => rest.join(String(sep)), ['string'], 'interface {}'),
  };
  function runSig(tpl: string, data: unknown = {}): string {
    const set = new TemplateSet({ missingKey: 'zero', funcs });
    set.parse('t', tpl);
    return set.execute('t', go(data));
  }
  it('calls with the right types', () => {
    assert.equal(runSig('{{ indent 2 "x" }}|{{ "ABC" | lower }}|{{ join "-" 1 "b" }}'), '  x|abc|1-b');
    assert.equal(runSig('{{ indent 2.0 "x" }}'), '  x', 'an integral float literal is an integer constant in Go');
  });
  const cases: [string, unknown, string][] = [
    ['{{ indent "2" "x" }}', {}, 'template: t:1:10: executing "t" at <"2">: expected integer; found "2"'],
    ['{{ indent 1.5 "x" }}', {}, 'expected integer; found 1.5'],
    [
      '{{ lower .v }}',
      { v: 1.5 },
      'template: t:1:9: executing "t" at <.v>: wrong type for value; expected string; got float64',
    ],
    ['{{ lower .v }}', { v: {} }, 'wrong type for value; expected string; got map[string]interface {}'],
    ['{{ lower .missing }}', {}, 'wrong type for value; expected string; got interface {}'],
    ['{{ .missing | lower }}', {}, 'invalid value; expected string'],
    ['{{ lower nil }}', {}, 'cannot assign nil to string'],
    ['{{ lower }}', {}, 'wrong number of args for lower: want 1 got 0'],
    ['{{ indent 1 "a" "b" }}', {}, 'wrong number of args for indent: want 2 got 3'],
    ['{{ join }}', {}, 'wrong number of args for join: want at least 1 got 0'],
  ];
  for (const [tpl, data, msg] of cases) {
    it(`${tpl} fails like Go: ${msg}`, () => {
      assert.throws(
        () => runSig(tpl, data),
        (e: unknown) =>
          e instanceof TemplateError && (msg.startsWith('template:') ? e.message === msg : e.message.endsWith(msg)),
      );
    });
  }
});
