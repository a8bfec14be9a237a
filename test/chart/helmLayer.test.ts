// Helm's layer checked against the real Helm 4, without the template engine: a scratch chart prints
// `toYaml .Values`, `toJson .Values` and each value's Go type, and our reader + coalescing + toYaml/toJson must
// produce the same bytes. Covers YAML 1.1 reading (yes/on/y/n, octal, hex, 1e6, 1_000, merge keys), numbers as
// float64, null deleting a default, maps merging, lists replacing, and go-yaml's quoting and folding.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { coalesceValues } from '../../server/src/core/chart/helm/coalesce';
import { readValuesYaml, toGoJson, toGoYaml } from '../../server/src/core/chart/helm/goYaml';
import { semverSatisfies } from '../../server/src/core/chart/helm/semver';
import { validateValues } from '../../server/src/core/chart/helm/schema';
import { helmBinaryPath } from './helmRunner';

const CHART_VALUES = `
keep: 1
drop: "gone"
nested:
  a: 1
  b: [1, 2]
  deep: {x: 1, y: 2}
list: [a, b]
nullDefault: null
table: {k: v}
`;

const USER_VALUES = [
  `drop: null
nested:
  b: [3]
  deep: {y: null, z: 3}
list: [c]
new: yes
"y": 1
n: on
oct: 0777
hex: 0x1F
sci: 1e6
under: 1_000
float: 1.5
big: 10000000000
str: "true"
empty: ""
colon: "a: b"
lead: "- x"
star: "*"
pct: "%x"
tilde: "~"
date: 2001-12-14
multi: "line1\\nline2\\n"
multiNoNl: "a\\nb"
long: "aaaaaaaaa bbbbbbbbbbbb ccccccccccccccc dddddddddddddddddd eeeeeeeeeeeeeeeeee fffffffffffffff gggggggggggg hhhhhhhhhhhhh"
html: "<a&b>"
unicode: "héllo ✓"
table: 5
nullNew: null
anchors:
  base: &b {p: 1, q: 2}
  merged:
    <<: *b
    q: 3
listOfMaps:
- name: x
  v: [1, {a: b}]
- []
- {}
emptyMap: {}
emptyList: []
`,
  `nested: null
keep: ~
`,
  `{}`,
];

let dir = '';
let helm = '';

function helmPrint(user: string): string {
  const valuesFile = path.join(dir, 'user.yaml');
  writeFileSync(valuesFile, user);
  const r = spawnSync(helm, ['template', 'x', path.join(dir, 'c'), '-f', valuesFile], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/^---\n# Source: c\/templates\/t.yaml\n/, '');
}

before(async () => {
  helm = await helmBinaryPath();
  dir = mkdtempSync(path.join(os.tmpdir(), 'helm-layer-'));
  mkdirSync(path.join(dir, 'c/templates'), { recursive: true });
  writeFileSync(path.join(dir, 'c/Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  writeFileSync(path.join(dir, 'c/values.yaml'), CHART_VALUES);
  // A comment-only YAML document keeps Helm from parsing our output as a manifest.
  writeFileSync(
    path.join(dir, 'c/templates/t.yaml'),
    '{{- /* */ -}}\n# YAML\n{{ toYaml .Values | replace "\\n" "\\n#" }}\n# JSON {{ toJson .Values }}\n',
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('Helm layer against the real Helm 4', () => {
  USER_VALUES.forEach((user, i) => {
    it(`values file ${i}: coalesced values print byte for byte as Helm prints them (toYaml, toJson)`, () => {
      const ours = coalesceValues(readValuesYaml(CHART_VALUES), readValuesYaml(user), 'c');
      const yaml = toGoYaml(ours).replace(/\n$/, '').replace(/\n/g, '\n#');
      const expected = `# YAML\n${yaml}\n# JSON ${toGoJson(ours)}\n`;
      assert.equal(expected, helmPrint(user));
    });
  });

  it('numbers read from YAML are float64 in Helm 4 (JS numbers here), never integers', () => {
    const v = readValuesYaml('a: 3\nb: 1000000\nc: 1.5\n');
    for (const k of ['a', 'b', 'c']) assert.equal(typeof v.get(k), 'number');
  });

  it('a user null deletes the chart default; a null for an unknown key stays', () => {
    const v = coalesceValues(
      readValuesYaml('a: 1\nm: {x: 1, w: 2}\n'),
      readValuesYaml('a: null\nm: {x: null}\nextra: null\n'),
    );
    assert.equal(v.has('a'), false);
    assert.deepEqual([...(v.get('m') as Map<string, unknown>).keys()], ['w']);
    assert.equal(v.has('extra'), true);
    assert.equal(v.get('extra'), null);
  });

  it('a repeated key: the last one wins, a repeated mapping replaces the earlier one (as in Helm 4)', () => {
    const v = readValuesYaml('a: 1\na: 2\nm: {p: 1}\nm: {q: 2}\n');
    assert.equal(v.get('a'), 2);
    assert.deepEqual([...(v.get('m') as Map<string, unknown>).keys()], ['q']);
  });

  it('unreadable values are refused like Helm refuses them (syntax errors, a list at the top)', () => {
    assert.throws(() => readValuesYaml('a: [1\n'));
    assert.throws(() => readValuesYaml('- a\n- b\n'));
    assert.deepEqual([...readValuesYaml('').keys()], []);
  });
});

describe('semverCompare (Masterminds semver v3 rules)', () => {
  const cases: [string, string, boolean][] = [
    ['>= 1.27-0', 'v1.35.0', true],
    ['<1.20-0', 'v1.35.0', false],
    ['^1.19-0', 'v1.35.0', true],
    ['^1.19-0', 'v2.0.0', false],
    ['>=1.8', '1.8', true],
    ['>=1.12', '1.10', false],
    ['<1.30.0', '1.29.0', true],
    ['>=1.16', '1.16.0-pre.1', false],
    ['~1.2', '1.2.9', true],
    ['~1.2', '1.3.0', false],
    ['>=1.0, <2.0', '1.5.0', true],
    ['<1.0 || >=3', '2.0.0', false],
  ];
  for (const [c, v, want] of cases) {
    it(`${v} ${want ? 'satisfies' : 'does not satisfy'} ${c}`, () => assert.equal(semverSatisfies(c, v), want));
  }
  it('an invalid version is an error, as in Sprig', () => assert.throws(() => semverSatisfies('>=1.0', 'one')));
});

describe('schema check', () => {
  const schema = JSON.stringify({
    properties: {
      MTU: { type: 'integer' },
      bpf: { properties: { masquerade: { type: ['null', 'boolean'] } } },
      mode: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
    },
  });
  it('names each key that breaks the schema, in our own words', () => {
    const errs = validateValues(schema, readValuesYaml('MTU: abc\nbpf: {masquerade: "yes"}\nmode: 1\n'));
    assert.deepEqual(errs.map((e) => e.path).sort(), ['MTU', 'bpf.masquerade', 'mode']);
    assert.match(errs.find((e) => e.path === 'MTU')!.message, /`MTU` is a string.*integer/);
    assert.match(errs.find((e) => e.path === 'mode')!.message, /matches none of the shapes/);
  });
  it('accepts values that match (1450 read as float64 is still an integer)', () => {
    assert.deepEqual(validateValues(schema, readValuesYaml('MTU: 1450\nbpf: {masquerade: null}\nmode: x\n')), []);
  });
  it('no schema (charts before 1.16): nothing to check', () => {
    assert.deepEqual(validateValues(undefined, readValuesYaml('MTU: abc\n')), []);
  });
});
