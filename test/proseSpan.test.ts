// The prose that names the supported span of Cilium minors ("1.12 to 1.21", "1.12–1.21", `"1.12"` … `"1.21"`)
// goes stale silently when a minor is added (docs/adding-a-minor.md). This test reads the pages users see and
// fails, naming the file and the words, when a span that starts at the oldest supported minor ends after the
// newest release but before the newest minor of the version table (server/src/core/knowledge/versions.ts): the
// span of the day before a minor was added. A span that ends earlier states a fact about some versions
// (`bpf.masquerade` on 1.12–1.15) and is left alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  minorOf,
  NEWEST_RELEASED,
  NEWEST_VERSION,
  OLDEST_VERSION,
  PRERELEASE_VERSIONS,
  type CiliumVersion,
} from '../server/src/core/version';

const PAGES = ['README.md', 'docs/editors.md', 'ARCHITECTURE.md', 'docs/chart-agreement.md', 'package.json'];

/** Spans that start at the oldest minor, in the spellings the pages use, with where they end. */
function spansIn(text: string): { words: string; end: string }[] {
  const from = OLDEST_VERSION.replace('.', '\\.');
  const span = new RegExp(`"?${from}"?\\*{0,2}(?: to | through |–|-| … |…)\\*{0,2}"?(1\\.\\d+)\\b`, 'g');
  return [...text.matchAll(span)].map((m) => ({ words: m[0], end: m[1] }));
}

describe('prose that names the supported span', () => {
  it('finds the spans (the scan itself works)', () => {
    assert.deepEqual(
      spansIn('from **1.12 to 1.21** and 1.12–1.20, `"1.12"` … `"1.19"`').map((s) => s.end),
      OLDEST_VERSION === '1.12' ? ['1.21', '1.20'] : [],
    );
    const readme = spansIn(readFileSync('README.md', 'utf8'));
    assert.ok(readme.length >= 2, 'README.md names the span');
  });

  for (const page of PAGES) {
    it(`${page} ends every supported span at the newest minor, ${NEWEST_VERSION}`, () => {
      const stale = spansIn(readFileSync(page, 'utf8')).filter(
        (s) => s.end !== NEWEST_VERSION && minorOf(s.end as CiliumVersion) >= minorOf(NEWEST_RELEASED),
      );
      assert.deepEqual(
        stale.map((s) => s.words),
        [],
        `update the span in ${page} to end at ${NEWEST_VERSION}`,
      );
    });
  }

  it('README.md names the pre-releases the version table marks', () => {
    const readme = readFileSync('README.md', 'utf8');
    const named = [...PRERELEASE_VERSIONS].join(' and ');
    assert.ok(readme.includes(`(${named} from their pre-release charts`), `README.md should say "${named}"`);
  });
});
