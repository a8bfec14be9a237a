// Everything the extension creates that holds listeners or UI is disposed: each event emitter by the class that
// owns it, and each owner (and every output channel, status bar item, provider and command registration) through
// `context.subscriptions`. Read from the source, since the classes need the `vscode` module to run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findRepoRoot } from '../../tools/repoRoot';

const dir = path.join(findRepoRoot(), 'client/src');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }));

describe('client disposal', () => {
  it('every event emitter field is disposed by its class', () => {
    const emitters = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/(\w+)\s*=\s*new vscode\.EventEmitter\b/g)].map((m) => ({ file, field: m[1], text })),
    );
    assert.ok(emitters.length >= 2, 'the client has event emitters (else this test checks nothing)');
    for (const { file, field, text } of emitters)
      assert.match(text, new RegExp(`this\\.${field}\\.dispose\\(\\)`), `${file}: ${field} is never disposed`);
  });

  it('every class owning an emitter or UI is handed to context.subscriptions where it is created', () => {
    const owners = sources.flatMap(({ text }) =>
      [...text.matchAll(/class (\w+)[^{]*\{[^]*?\n\}/g)]
        .filter((m) => /new vscode\.EventEmitter|createStatusBarItem/.test(m[0]))
        .map((m) => m[1]),
    );
    assert.ok(owners.length >= 3, owners.join(', '));
    for (const owner of owners) {
      const made = sources.filter(({ text }) => new RegExp(`const (\\w+) = new ${owner}\\(`).test(text));
      assert.ok(made.length > 0, `${owner} is never created`);
      for (const { file, text } of made) {
        const variable = new RegExp(`const (\\w+) = new ${owner}\\(`).exec(text)![1];
        assert.match(
          text,
          new RegExp(`subscriptions\\.push\\([^;]*\\b${variable}\\b`),
          `${file}: the ${owner} in ${variable} is not in context.subscriptions`,
        );
      }
    }
  });

  it('output channels and status bar items are disposed', () => {
    const extension = sources.find((s) => s.file === 'extension.ts')!.text;
    const channel = /const (\w+) = vscode\.window\.createOutputChannel\(/.exec(extension);
    assert.ok(channel, 'the extension creates its output channel');
    assert.match(extension, new RegExp(`subscriptions\\.push\\([^;]*\\b${channel[1]}\\b`));
    const statusBar = sources.find((s) => s.file === 'statusBar.ts')!.text;
    for (const m of statusBar.matchAll(/(\w+) = vscode\.window\.createStatusBarItem/g))
      assert.match(statusBar, new RegExp(`this\\.${m[1]}\\.dispose\\(\\)`));
  });
});
