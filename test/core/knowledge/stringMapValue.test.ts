// Values of stringToString flags in cilium-config: from 1.16 the start-up check of the ConfigMap converts them with
// command.ToStringMapStringE (pkg/option/config.go@v1.16.19 l.4207-4208, @v1.19.1 l.3443-3444, @v1.21.0-pre.0
// (e8649862) l.3483-3484; pkg/command/map_string.go@v1.16.19 l.38-84, unchanged to @v1.21.0-pre.0), and a value it
// cannot read stops the binary; up to 1.15 the type only gets a warning (pkg/option/config.go@v1.15.19 l.4203-4204).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startupCheckRefuses } from '../../../server/src/core/knowledge/configMapStartupCheck';
import { keyValueListMatches, stringMapAccepted } from '../../../server/src/core/knowledge/stringMapValue';
import { SUPPORTED_VERSIONS, inRange } from '../../../server/src/core/version';
import { configMapText, doc, finding, noFinding } from '../../helpers';

/** keyValueRegex as pkg/command/map_string.go@v1.16.19 l.23 writes it (safe here: the inputs below are short). */
const KEY_VALUE_REGEX =
  /([\w-:;./@]+=([\w-:;,./@][\w-:;,./@ ]*[\w-:;,./@])?[\w-:;,./@]*,)*([\w-:;./@]+=([\w-:;,./@][\w-:;,./@ ]*)?[\w-:;./@]+)$/g;

function* texts(alphabet: readonly string[], len: number, prefix = ''): Generator<string> {
  if (len === 0) {
    yield prefix;
    return;
  }
  for (const c of alphabet) yield* texts(alphabet, len - 1, prefix + c);
}

describe('stringToString values in the start-up check', () => {
  it('the linear matcher takes exactly what ReplaceAllString(keyValueRegex) empties, on every short text', () => {
    const alphabet = ['k', '=', ',', ' ', ';', '{', '"'];
    let n = 0;
    for (let len = 1; len <= 6; len++)
      for (const s of texts(alphabet, len)) {
        assert.equal(keyValueListMatches(s), s.replace(KEY_VALUE_REGEX, '') === '', JSON.stringify(s));
        n++;
      }
    assert.ok(n > 100_000);
  });

  it('key=value lists, JSON objects of strings, null and empty are read; other JSON and broken lists are not', () => {
    for (const ok of [
      'a=b',
      'Name=cilium,team=net',
      'tag=a b c,x=y',
      'pool=10.0.0.0/8,10.1.0.0/16,other=fd00::/80',
      '{"a":"b"}',
      '{"a": null}',
      'null',
      '',
    ])
      assert.equal(stringMapAccepted(ok), true, ok);
    for (const bad of [
      'a',
      'a=',
      'a=b=c',
      'a=b,',
      'a=b ,c=d',
      '=b',
      '{"a":1}',
      '{"a":{"b":"c"}}',
      '123',
      'true',
      '["a"]',
      '{a=b}',
      '[a',
      '{"a":"b","c":1}',
      'k= ,k=v',
      'k==,k=v',
      'a=b=c,d=e',
      'a=b c=d',
      ' a=b',
    ])
      assert.equal(stringMapAccepted(bad), false, bad);
  });

  it('refused from 1.16 only; the other types are unchanged', () => {
    for (const v of SUPPORTED_VERSIONS) {
      assert.equal(startupCheckRefuses('a=', 'stringToString', v), inRange(v, '1.16'), v);
      assert.equal(startupCheckRefuses(' a=b ', 'stringToString', v), false, v);
      assert.equal(startupCheckRefuses('a=', 'string', v), false, v);
    }
  });

  it('a ConfigMap value the 1.19 agent cannot read as a map stops it; a good one and 1.15 do not', () => {
    // eni-subnet-tags: an agent stringToString flag from 1.19 (pkg/nodediscovery/cell.go@v1.19.1 l.93).
    const d = doc(configMapText('1.19', { 'eni-subnet-tags': 'team' }));
    const f = finding(d, 'configmap-value-stops-agent');
    assert.match(f.message, /^eni-subnet-tags takes key=value pairs/);
    assert.equal(d.datapath.agentStarts, false);
    const ok = doc(configMapText('1.19', { 'eni-subnet-tags': 'team=net,env=prod' }));
    noFinding(ok, 'configmap-value-stops-agent');
    assert.equal(ok.datapath.agentStarts, true);
  });

  it('an operator-only flag stops the operator, not the agent (eni-tags, 1.20)', () => {
    // JSON needs single quotes in YAML, which configMapText does not write.
    const eniTags = (json: string) =>
      doc(configMapText('1.20', { 'cluster-name': 'a' }).replace('  cluster-name: "a"', `  eni-tags: '${json}'`));
    const d = eniTags('{"team": 1}');
    noFinding(d, 'configmap-value-stops-agent');
    const f = finding(d, 'configmap-wrong-type');
    assert.match(f.message, /cilium-operator's start-up check of the ConfigMap refuses it/);
    noFinding(eniTags('{"team": "net"}'), 'configmap-wrong-type');
  });
});
