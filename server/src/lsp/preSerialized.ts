// Big answers written as JSON once, not on every request. The Outline of the 4,600-line chart is ~1,700 nested
// symbols (~360 KB of JSON) and editors ask for it again on every focus and redraw: turning that tree into JSON
// cost the server more than finding it. A `PreSerialized` answer carries its JSON text beside the value; the
// byte-stream writer (stdio, socket, pipe) splices that text into the response as it is. Any other path (node-ipc,
// the protocol trace, a test's own writer) serialises the message with JSON.stringify, which finds `toJSON` and
// writes the value itself: the same JSON either way.

import type { Message, ResponseMessage } from 'vscode-languageserver/node';

export class PreSerialized<T = unknown> {
  #value: { v: T } | undefined;
  #bytes: Buffer | undefined;
  readonly #makeValue: () => T;
  readonly #makeBytes: () => Buffer;

  /**
   * Neither is made until asked for: a byte stream needs only the JSON, node-ipc (VS Code's old default) only the
   * value, and making the other would be wasted. `bytes` must give JSON.stringify of what `value` gives, as UTF-8.
   */
  constructor(value: () => T, bytes: () => Buffer) {
    this.#makeValue = value;
    this.#makeBytes = bytes;
  }

  get value(): T {
    this.#value ??= { v: this.#makeValue() };
    return this.#value.v;
  }

  /** JSON.stringify(value), exactly, as UTF-8. */
  get bytes(): Buffer {
    this.#bytes ??= this.#makeBytes();
    return this.#bytes;
  }

  toJSON(): T {
    return this.value;
  }
}

/**
 * A value in hand, with its JSON text when the caller already has it (else written from the value when first
 * asked for): for an answer asked for again and again.
 */
export function preSerialize<T>(value: T, bytes?: Buffer): PreSerialized<T> {
  return new PreSerialized(
    () => value,
    () => bytes ?? Buffer.from(JSON.stringify(value), 'utf8'),
  );
}

/**
 * The handler's answer as the connection's type wants it: the connection passes it to the writer untouched
 * (vscode-jsonrpc sets it as the response's `result`), so what a handler may return is wider than its type says.
 */
export function asAnswer<R>(answer: PreSerialized<R>): R {
  return answer as unknown as R;
}

const isResponse = (msg: Message): msg is ResponseMessage => 'id' in msg && 'result' in msg;

/**
 * The `application/json` encoder of a byte-stream writer: a response whose result is pre-serialized is the
 * message's other fields as JSON with the result's text spliced in; every other message as vscode-jsonrpc writes it.
 */
export const jsonEncoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: 'ascii' | 'utf-8' }): Promise<Uint8Array> {
    try {
      if (isResponse(msg) && msg.result instanceof PreSerialized) {
        const { result, ...rest } = msg;
        // `rest` holds at least `jsonrpc` and `id`, so its JSON ends with "}" after a member.
        const head = JSON.stringify(rest);
        return Promise.resolve(
          Buffer.concat([Buffer.from(`${head.slice(0, -1)},"result":`, 'utf8'), result.bytes, Buffer.from('}')]),
        );
      }
      return Promise.resolve(Buffer.from(JSON.stringify(msg), options.charset));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  },
};
