// The LSP lifecycle, enforced before any handler runs (the library leaves it to the server): before
// `initialize`, requests are answered with ServerNotInitialized and notifications other than `exit` dropped; a
// second `initialize` is refused; after `shutdown`, every request is answered with InvalidRequest and every
// notification but `exit` dropped. It sits between the message reader and the connection.

import {
  ErrorCodes,
  Message,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

export type LifecycleState = 'new' | 'running' | 'shutdown';

export class LifecycleGate implements MessageReader {
  state: LifecycleState = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback) {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** True when the message goes on to the handlers; otherwise it was answered (requests) or dropped here. */
  private admit(message: Message): boolean {
    if (Message.isRequest(message)) {
      if (this.state === 'new') {
        if (message.method === 'initialize') {
          this.state = 'running';
          return true;
        }
        return this.refuse(
          message,
          ErrorCodes.ServerNotInitialized,
          `the server is not initialized: "${message.method}" sent before "initialize"`,
        );
      }
      if (this.state === 'shutdown')
        return this.refuse(
          message,
          ErrorCodes.InvalidRequest,
          `the server is shut down: "${message.method}" sent after "shutdown"`,
        );
      if (message.method === 'initialize')
        return this.refuse(message, ErrorCodes.InvalidRequest, '"initialize" was already received');
      if (message.method === 'shutdown') this.state = 'shutdown';
      return true;
    }
    if (Message.isNotification(message)) return message.method === 'exit' || this.state === 'running';
    return true; // responses to our own requests
  }

  private refuse(request: RequestMessage, code: number, text: string): false {
    const response: ResponseMessage = {
      jsonrpc: '2.0',
      id: request.id,
      error: { code, message: `Cilium Config: ${text}` },
    };
    void this.writer.write(response).catch(() => undefined);
    return false;
  }
}
