// partitionPoint (core/partitionPoint.ts) is the binary search behind line lookups, template overlap checks and
// Fix All's edit ordering: it must agree with a plain scan on every monotone predicate, including the edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionPoint } from '../../server/src/core/partitionPoint';
import { lineContaining } from '../../server/src/core/positions';

describe('partitionPoint', () => {
  it('finds the first index where a monotone predicate holds, as a linear scan does', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 500; round++) {
      const xs = Array.from({ length: rand(12) }, () => rand(20)).sort((a, b) => a - b);
      const t = rand(22) - 1;
      let calls = 0;
      const got = partitionPoint(xs.length, (i) => {
        calls++;
        return xs[i] > t;
      });
      const want = xs.findIndex((x) => x > t);
      assert.equal(got, want < 0 ? xs.length : want, `first of [${xs.join(',')}] above ${t}`);
      assert.ok(calls <= Math.ceil(Math.log2(xs.length + 1)), `${calls} probes for ${xs.length} items`);
    }
  });

  it('answers 0 for an empty range and never asks about indices outside it', () => {
    assert.equal(
      partitionPoint(0, () => assert.fail('asked')),
      0,
    );
    const asked: number[] = [];
    partitionPoint(5, (i) => (asked.push(i), false));
    assert.ok(asked.every((i) => i >= 0 && i < 5));
  });

  it('gives lineContaining the last line starting at or before the offset', () => {
    const starts = [0, 4, 4, 9, 15];
    const lineOf = (offset: number) => lineContaining(starts.length, (i) => starts[i], offset);
    assert.deepEqual([0, 3, 4, 8, 9, 14, 15, 99].map(lineOf), [0, 0, 2, 2, 3, 3, 4, 4]);
    assert.equal(
      lineContaining(0, () => 0, 5),
      0,
    );
  });
});
