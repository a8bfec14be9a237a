// The compact form of parsed templates that tools/gen-charts.ts ships: decoding gives back exactly what the parser
// builds, for every node kind and the literal forms that are stored apart from their source slice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeParsedFile, encodeParsedFile } from '../../server/src/core/chart/template/astCodec';
import { parseTemplate } from '../../server/src/core/chart/template/parser';

const roundTrip = (text: string) => {
  const parsed = parseTemplate('t', text, null);
  const encoded = JSON.parse(JSON.stringify(encodeParsedFile(parsed, text)));
  assert.deepEqual(decodeParsedFile('t', text, encoded), parsed);
  return encoded as unknown;
};

describe('template tree codec', () => {
  it('round-trips every statement kind, with else-if chains, block, define, break and continue', () => {
    roundTrip('a {{- if .A }}x{{ else if .B }}y{{ else }}z{{ end -}} b');
    roundTrip('{{ with $v := .A }}{{ $v }}{{ else with .B }}w{{ end }}');
    roundTrip('{{ range $i, $e := .L }}{{ if $i }}{{ continue }}{{ end }}{{ break }}{{ else }}none{{ end }}');
    roundTrip(
      '{{ define "x" }}in x {{ . }}{{ end }}{{ template "x" .A }}{{ template "x" }}{{ block "b" . }}b{{ end }}',
    );
    roundTrip('{{/* comment */}}text only{{- /* trimmed */ -}}');
  });

  it('round-trips every argument kind: fields, chains, variables, pipes, literals', () => {
    roundTrip('{{ $x := 1 }}{{ $x = 2 }}{{ (.A).b.c }}{{ $.Values.x.y }}{{ .A | printf "%s" | quote }}');
    roundTrip("{{ print nil true false . 1.5 -2 0x1F 1e3 'a' 0o17 1_000 }}");
    roundTrip('{{ print 9223372036854775808 }}'); // beyond int: a value with an error, as Go keeps it
    roundTrip('{{ print "tab\\there" `raw\\n` "quote \\" inside" "unicode \\u00e9" }}');
  });

  it('stores text, strings and numbers as slices of the source, positions as differences', () => {
    const text = '{{ if .A }}' + 'long literal text '.repeat(20) + '{{ "a string" }}{{ end }}';
    const encoded = JSON.stringify(roundTrip(text));
    assert.ok(!encoded.includes('long literal text'), encoded);
    assert.ok(!encoded.includes('a string'), encoded);
    assert.ok(encoded.length < text.length, `${encoded.length} B encoded for ${text.length} B of source`);
  });

  it('keeps the unquoted text when it is not the quoted text without its quotes', () => {
    const text = '{{ "a\\nb" }}';
    assert.ok(JSON.stringify(roundTrip(text)).includes('a\\nb'));
  });
});
