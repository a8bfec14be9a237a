// The message reader and writer for the transport named on the command line (`--stdio`, `--node-ipc`,
// `--socket=PORT`, `--pipe=NAME`, as vscode-languageserver accepts them). Byte-stream transports go through
// FrameGuard, so a malformed or endless header ends the session with a message instead of leaving the server
// deaf; IPC carries whole messages and needs no framing.

import { createConnection as netConnect } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import {
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { FrameGuard } from './frameGuard';
import { jsonEncoder } from './preSerialized';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** The guard on the byte stream (absent for IPC): it emits 'error' on a framing violation. */
  frames?: FrameGuard;
  /** stdout carries the protocol: nothing else may be printed there. */
  stdio: boolean;
}

/** `--socket=PORT`, `--socket PORT`, `--pipe=NAME`, `--pipe NAME`. */
function option(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === `--${name}`) return args[i + 1];
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
  }
  return undefined;
}

function overStream(input: Readable, output: Writable, stdio: boolean): Transport {
  const frames = new FrameGuard();
  input.pipe(frames);
  // The input's own end or close ends the guard, which the reader reports as closed.
  input.on('close', () => frames.end());
  return {
    reader: new StreamMessageReader(frames),
    writer: new StreamMessageWriter(output, { charset: 'utf-8', contentTypeEncoder: jsonEncoder }),
    frames,
    stdio,
  };
}

export function openTransport(args: string[]): Transport {
  if (args.includes('--node-ipc'))
    return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  if (args.includes('--stdio')) return overStream(process.stdin, process.stdout, true);
  const port = option(args, 'socket');
  if (port !== undefined) {
    const socket = netConnect(Number(port), '127.0.0.1');
    return overStream(socket, socket, false);
  }
  const pipe = option(args, 'pipe');
  if (pipe !== undefined) {
    const socket = netConnect(pipe);
    return overStream(socket, socket, false);
  }
  throw new Error('no transport: give --stdio, --node-ipc, --socket=PORT or --pipe=NAME');
}
