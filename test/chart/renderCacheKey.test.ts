// The render memo's key (chart/renderCache.ts): equal values give equal keys whatever objects hold them, and any
// difference, however deep, gives another key (a wrong key would reuse the render of other values).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { valuesKey } from '../../server/src/core/chart/renderCache';
import type { GoValue } from '../../server/src/core/chart/template/index';

const values = (mode: GoValue, extra: GoValue = 'x'): Map<string, GoValue> =>
  new Map<string, GoValue>([
    ['kubeProxyReplacement', true],
    ['bpf', new Map<string, GoValue>([['masquerade', mode]])],
    ['list', [1, new Map<string, GoValue>([['a', extra]])]],
  ]);

describe('render memo key', () => {
  it('is the same for equal values held by other objects', () => {
    assert.equal(valuesKey(values(true)), valuesKey(values(true)));
    // Key order does not matter to Go's maps.
    const reordered = new Map<string, GoValue>([...values(true)].reverse());
    assert.equal(valuesKey(reordered), valuesKey(values(true)));
  });

  it('differs when anything differs, at any depth and in kind', () => {
    const keys = [
      values(true),
      values(false),
      values('true'),
      values(null),
      values(true, 'y'),
      values(true, 1),
      new Map<string, GoValue>([['bpf', new Map()]]),
      new Map<string, GoValue>([['bpf', []]]),
    ].map(valuesKey);
    assert.equal(new Set(keys).size, keys.length, keys.join('\n'));
  });

  it('stays right when the same top-level objects are used again beside changed ones', () => {
    const a = values(true);
    const b = new Map(a);
    b.set('kubeProxyReplacement', false);
    assert.notEqual(valuesKey(a), valuesKey(b));
    const c = new Map(a);
    c.set('bpf', new Map<string, GoValue>([['masquerade', false]]));
    assert.notEqual(valuesKey(a), valuesKey(c));
    assert.equal(valuesKey(new Map(a)), valuesKey(a));
  });
});
