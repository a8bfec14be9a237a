// Analysing many files on all cores: a pool of worker threads, each running the same bundle (dist/cli.js) in
// worker mode. run() stays synchronous (tests and wrappers call it as a function): the main thread hands out one
// file at a time and waits for answers with Atomics.wait on a shared counter that a worker bumps after each
// answer, reading them with receiveMessageOnPort. Results are stored by input position, so the report's order
// is the input order whatever thread finished first.
// What crosses the thread boundary is the part of an analysis the reports read (verdict, findings, labels): the
// parse tree and the agent model stay in the worker.

import { cpus } from 'node:os';
import {
  isMainThread,
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import {
  analyzeSafely,
  type Analysis,
  type AnalyzeOptions,
  type DocumentAnalysis,
  type InternalError,
} from '../core/index';

export interface AnalysisJob {
  text: string;
  options: AnalyzeOptions;
}

/** The fields of a DocumentAnalysis the text / JSON / SARIF / GitHub / JUnit reports use. */
type PortableDocument = Pick<
  DocumentAnalysis,
  'index' | 'kind' | 'label' | 'version' | 'versionSource' | 'versionFile' | 'datapath' | 'findings'
> & {
  source: Pick<DocumentAnalysis['source'], 'anchor' | 'format'>;
};
export type PortableAnalysis = Pick<Analysis, 'fileFindings' | 'internalErrors'> & { documents: PortableDocument[] };

/** No answer from any worker for this long means one died: the main thread takes over. */
const STALL_MS = 60_000;

/** Fewer files than this are analysed in the main thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 24;

/** The script a worker runs: the bundle this code is in; none when running from the TypeScript sources. */
export function bundledScript(): string | undefined {
  return __filename.endsWith('.js') ? __filename : undefined;
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, cpus().length));
}

function portable(a: Analysis, laterErrors: readonly InternalError[] = []): PortableAnalysis {
  return {
    fileFindings: a.fileFindings,
    internalErrors: [...a.internalErrors, ...laterErrors],
    documents: a.documents.map((d) => ({
      index: d.index,
      kind: d.kind,
      label: d.label,
      version: d.version,
      versionSource: d.versionSource,
      versionFile: d.versionFile,
      datapath: d.datapath,
      findings: d.findings,
      source: { anchor: d.source.anchor, format: d.source.format },
    })),
  };
}

/**
 * What a worker answers for one job. Quick-fixes are computed when something first reads them, and a fixer that
 * throws reports through `onInternalError`, which cannot cross the thread boundary: so the fixes are read here,
 * before the answer is copied, and their errors travel with the analysis as internal errors for the main thread
 * to report (as it does for a file analysed in the main thread).
 */
export function analyzeForWorker(job: AnalysisJob): PortableAnalysis {
  const fixErrors: InternalError[] = [];
  const analysis = analyzeSafely(job.text, { ...job.options, onInternalError: (e) => fixErrors.push(e) });
  for (const f of analysis.fileFindings) void f.fixes;
  for (const d of analysis.documents) for (const f of d.findings) void f.fixes;
  return portable(analysis, fixErrors);
}

interface WorkerSetup {
  ciliumLintWorker: true;
  port: MessagePort;
  signal: Int32Array;
}

type Answer = { id: number; ok: true; analysis: PortableAnalysis } | { id: number; ok: false; message: string };

// Worker side: analyse each job sent, answer, and bump the counter the main thread waits on.
if (!isMainThread && (workerData as WorkerSetup | undefined)?.ciliumLintWorker) {
  const { port, signal } = workerData as WorkerSetup;
  port.on('message', (job: AnalysisJob & { id: number }) => {
    let answer: Answer;
    try {
      answer = { id: job.id, ok: true, analysis: analyzeForWorker(job) };
      port.postMessage(answer);
    } catch (err) {
      // A result that cannot be copied across threads: the main thread analyses that file itself.
      port.postMessage({ id: job.id, ok: false, message: (err as Error).message } satisfies Answer);
    }
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

/**
 * Analyses every job on `workers` threads running `script` (dist/cli.js) and returns the analyses in job order. `progress(done, total)` is called as answers arrive.
 */
export function analyzeInParallel(
  jobs: readonly AnalysisJob[],
  workers: number,
  script: string,
  progress?: (done: number, total: number) => void,
): PortableAnalysis[] {
  const results = new Array<PortableAnalysis>(jobs.length);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const pool: { worker: Worker; port: MessagePort; busy: boolean }[] = [];
  const count = Math.max(1, Math.min(workers, jobs.length));
  for (let i = 0; i < count; i++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(script, {
      workerData: { ciliumLintWorker: true, port: port2, signal } satisfies WorkerSetup,
      transferList: [port2],
    });
    pool.push({ worker, port: port1, busy: false });
  }
  let next = 0;
  let done = 0;
  let lastAnswer = Date.now();
  const give = (slot: (typeof pool)[number]) => {
    if (next >= jobs.length) return;
    slot.port.postMessage({ id: next, ...jobs[next] });
    next++;
    slot.busy = true;
  };
  try {
    for (const slot of pool) give(slot);
    while (done < jobs.length) {
      const seen = Atomics.load(signal, 0);
      let got = false;
      for (const slot of pool) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          const answer = m.message as Answer;
          results[answer.id] = answer.ok ? answer.analysis : analyzeForWorker(jobs[answer.id]);
          done++;
          got = true;
          slot.busy = false;
          give(slot);
        }
      }
      if (got) {
        lastAnswer = Date.now();
        progress?.(done, jobs.length);
      } else if (Date.now() - lastAnswer > STALL_MS) {
        // A worker died without answering (out of memory, killed): finish the rest in this thread.
        for (let id = 0; id < jobs.length; id++) if (!results[id]) results[id] = analyzeForWorker(jobs[id]);
        break;
      }
      // Nothing new: sleep until a worker bumps the counter (the timeout only guards against a missed wake-up).
      else Atomics.wait(signal, 0, seen, 1000);
    }
  } finally {
    for (const slot of pool) {
      slot.port.close();
      void slot.worker.terminate();
    }
  }
  return results;
}
