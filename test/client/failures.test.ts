// The client's failure handling without VS Code: a server that does not start opens the output with a clear
// message; a failed request is one message (not stacked, not thrown, no unhandled rejection); cancellations are
// silent. (test/vscode/suite checks a failing request through the real extension host.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FailureReporter, SHOW_OUTPUT, describeError, isCancellation } from '../../client/src/failures';

function fakeUi() {
  const ui = {
    shown: [] as string[],
    logged: [] as string[],
    revealed: 0,
    /** Resolves the oldest message still on screen with the given button (undefined: dismissed). */
    answer: (_choice?: string) => {},
    pending: [] as ((choice?: string) => void)[],
    showError(message: string, ...actions: string[]) {
      assert.deepEqual(actions, [SHOW_OUTPUT]);
      ui.shown.push(message);
      return new Promise<string | undefined>((resolve) => ui.pending.push(resolve));
    },
    log(line: string) {
      ui.logged.push(line);
    },
    revealOutput() {
      ui.revealed++;
    },
  };
  ui.answer = (choice?: string) => ui.pending.shift()?.(choice);
  return ui;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('client failure handling', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));

  it('a server that does not start: the reason in the output, the output revealed, one clear message', () => {
    const ui = fakeUi();
    const r = new FailureReporter(ui);
    const err = new Error('Cannot find module dist/server.js');
    r.startFailed(err);
    // The same failure reported again (initializationFailedHandler, then start() rejecting) is not repeated.
    r.startFailed(err);
    assert.deepEqual(ui.logged, ['The Cilium Config language server did not start: Cannot find module dist/server.js']);
    assert.equal(ui.revealed, 1);
    assert.deepEqual(ui.shown, [
      'Cilium Config: the language server did not start, so files are not checked. The output shows why.',
    ]);
  });

  it('a failed request resolves to undefined, is logged, and shown once while on screen', async () => {
    const ui = fakeUi();
    const r = new FailureReporter(ui);
    const fail = () =>
      Promise.reject(
        new Error('Cilium Config: cilium/upgradePlan failed: "to" must be a supported Cilium version\nstack…'),
      );
    assert.equal(await r.guard('Preview Upgrade', fail), undefined);
    assert.equal(await r.guard('Preview Upgrade', fail), undefined);
    assert.deepEqual(ui.shown, ['Cilium Config: Preview Upgrade failed: "to" must be a supported Cilium version']);
    assert.equal(ui.logged.length, 2, 'every failure is in the output');
    ui.answer(SHOW_OUTPUT);
    await tick();
    assert.equal(ui.revealed, 1, '"Show Output" opens the output');
    assert.equal(await r.guard('Preview Upgrade', fail), undefined);
    assert.equal(ui.shown.length, 2, 'shown again once the first was dismissed');
    assert.equal(r.lastMessage(), ui.shown[1]);
    assert.equal(await r.guard('Explain Datapath', () => Promise.resolve(42)), 42);
    assert.deepEqual(unhandled, []);
  });

  it('a cancelled request is not a failure', async () => {
    const ui = fakeUi();
    const r = new FailureReporter(ui);
    for (const code of [-32800, -32801, -32802])
      assert.equal(
        await r.guard('Hover', () => Promise.reject(Object.assign(new Error('cancelled'), { code }))),
        undefined,
      );
    assert.deepEqual(ui.shown, []);
    assert.ok(isCancellation({ name: 'Canceled' }));
    assert.ok(!isCancellation(new Error('boom')));
  });

  it('a message that fails to show does not reject anywhere', async () => {
    const r = new FailureReporter({
      showError: () => Promise.reject(new Error('no window')),
      log: () => {},
      revealOutput: () => {},
    });
    r.requestFailed('Explain Datapath', 'boom');
    await tick();
    assert.deepEqual(unhandled, []);
  });

  it('describes any thrown value', () => {
    assert.equal(describeError(new Error('x')), 'x');
    assert.equal(describeError('y'), 'y');
    assert.equal(describeError({ code: 1 }), '{"code":1}');
    assert.equal(describeError(undefined), 'undefined');
    assert.equal(describeError(new Error('')), 'no reason given');
  });
});
