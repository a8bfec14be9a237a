// `npm run fuzz`: a long fuzz campaign against the built server and CLI (dist/), not run in CI. Three targets:
// - protocol: a server per session gets valid traffic, then one mutated frame or a random JSON-RPC message; it
//   must either keep answering (a probe hover) or exit 1 with a reason on stderr, never go deaf or crash otherwise;
// - files: cilium-lint on a folder of hostile files (random bytes, UTF-16/32, FIFOs, broken links, link loops,
//   sparse giants, deep nesting, random YAML); it must end within the limit with exit 0-2 and no stack trace;
// - archives: mutated and bomb chart archives read the way hovers read them; no exception, the heap stays bounded.
// Usage: npm run fuzz [-- --minutes 10] [--seed N] [--write]  (--write puts the figures in docs/reliability.md;
// FUZZ_DIST=other/dist runs it against another build)

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileFromTgz } from '../server/src/io/tgz';
import { findRepoRoot } from './repoRoot';

const root = findRepoRoot();
/** FUZZ_DIST points the campaign at another build (an older one, to see that it finds what was fixed). */
const dist = process.env.FUZZ_DIST ?? join(root, 'dist');
const SERVER = join(dist, 'server.js');
const CLI = join(dist, 'cli.js');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const minutes = arg('minutes', 10);
let seed = arg('seed', Date.now() % 1_000_000);
const firstSeed = seed;
/** A small deterministic generator (mulberry32), so a failing case can be replayed with --seed. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (n: number) => Math.floor(rand() * n);
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

interface Tally {
  cases: number;
  failures: string[];
  maxRssMiB: number;
  slowestMs: number;
}
const tally = (): Tally => ({ cases: 0, failures: [], maxRssMiB: 0, slowestMs: 0 });
const results = { protocol: tally(), files: tally(), archives: tally() };

/** Peak resident memory of a running child (Linux /proc), in MiB. */
function peakRss(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// ---- protocol ----
const frame = (body: string | Buffer) =>
  Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);
const msg = (o: object) => frame(JSON.stringify({ jsonrpc: '2.0', ...o }));
const METHODS = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/codeAction',
  'textDocument/codeLens',
  'cilium/explain',
  'cilium/renderedConfig',
  'workspace/executeCommand',
  'textDocument/didChange',
  'textDocument/didOpen',
  'textDocument/didClose',
  'workspace/didChangeConfiguration',
  'cilium/didChangeWorkspaceTrust',
  '$/cancelRequest',
  'initialize',
  'shutdown',
  'nonsense/method',
];
const junkValue = (depth = 0): unknown => {
  const k = int(depth > 3 ? 5 : 8);
  if (k === 0) return null;
  if (k === 1) return int(2 ** 31) - 2 ** 30;
  if (k === 2) return pick(['', 'file:///ws/a.yaml', 'x'.repeat(int(5000)), '\u0000', '{{a}}'.repeat(int(50))]);
  if (k === 3) return rand() < 0.5;
  if (k === 4) return 1e308 * (rand() < 0.5 ? 1 : -1);
  if (k === 5) return Array.from({ length: int(5) }, () => junkValue(depth + 1));
  return Object.fromEntries(
    Array.from({ length: int(5) }, () => [
      pick([
        'uri',
        'textDocument',
        'position',
        'range',
        'settings',
        'context',
        'line',
        'character',
        'version',
        'text',
        'trusted',
        'arguments',
      ]),
      junkValue(depth + 1),
    ]),
  );
};
/** One hostile input and whether it is a valid frame (the server must keep answering) or not (it must exit 1). */
function hostileFrame(): { bytes: Buffer; valid: boolean } {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1000 + int(1000), method: pick(METHODS), params: junkValue() });
  switch (int(9)) {
    case 0:
      return {
        bytes: Buffer.from(
          `Content-Length: ${pick(['abc', '-5', '1e3', '', ' ', '0x10', '99999999999', String(2 ** 53)])}\r\n\r\n${body}`,
        ),
        valid: false,
      };
    case 1:
      return { bytes: Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\n\n${body}`), valid: false };
    case 2:
      return { bytes: Buffer.from(`Content-Length ${Buffer.byteLength(body)}\r\n\r\n${body}`), valid: false };
    case 3:
      return { bytes: Buffer.from(`Content-Type: application/json\r\n\r\n${body}`), valid: false };
    case 4:
      return { bytes: Buffer.alloc(1024 * (1 + int(20_000)), pick(['a', ' ', '\r', ':'])), valid: false };
    case 5:
      return { bytes: frame(randomBytes(1 + int(200))), valid: false }; // framed, but not JSON
    default:
      return { bytes: frame(body), valid: true }; // valid frame, random method and params
  }
}

async function protocolCase(): Promise<void> {
  const t = results.protocol;
  const start = Date.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  child.stdin.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const wait = (pred: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const until = Date.now() + ms;
      const tick = () => (pred() ? resolve(true) : Date.now() > until ? resolve(false) : setTimeout(tick, 20));
      tick();
    });
  const uri = 'file:///ws/values.yaml';
  child.stdin.write(msg({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  child.stdin.write(msg({ method: 'initialized', params: {} }));
  child.stdin.write(
    msg({
      method: 'textDocument/didOpen',
      params: {
        textDocument: {
          uri,
          languageId: 'yaml',
          version: 1,
          text: '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n',
        },
      },
    }),
  );
  await wait(() => out.includes('"serverInfo"'), 20_000);
  const { bytes, valid } = hostileFrame();
  child.stdin.write(bytes);
  const probe = 900_001 + int(1000);
  if (valid)
    child.stdin.write(
      msg({
        id: probe,
        method: 'textDocument/hover',
        params: { textDocument: { uri }, position: { line: 1, character: 3 } },
      }),
    );
  const ended = await Promise.race([exited, wait(() => out.includes(`"id":${probe}`), 30_000).then(() => undefined)]);
  t.maxRssMiB = Math.max(t.maxRssMiB, peakRss(child.pid));
  const label = `seed ${firstSeed} case ${t.cases}: ${JSON.stringify(bytes.subarray(0, 80).toString('latin1'))}`;
  if (valid) {
    if (ended)
      t.failures.push(
        `${label}: server exited (${ended.code ?? ended.signal}) on a valid frame; stderr ${err.slice(0, 300)}`,
      );
    else if (!out.includes(`"id":${probe}`))
      t.failures.push(`${label}: no answer to the probe after a valid frame (deaf)`);
  } else {
    const end = ended ?? (await Promise.race([exited, wait(() => false, 30_000).then(() => undefined)]));
    if (!end) t.failures.push(`${label}: still running 30 s after a malformed frame (deaf)`);
    else if (end.code !== 1 || !/cilium-config: (malformed|unreadable) message/.test(err))
      t.failures.push(`${label}: ended with ${end.code ?? end.signal}, stderr ${err.slice(0, 300)}`);
  }
  child.kill('SIGKILL');
  await exited;
  t.slowestMs = Math.max(t.slowestMs, Date.now() - start);
  t.cases++;
}

// ---- files ----
function hostileFolder(dir: string): void {
  const n = 3 + int(6);
  for (let i = 0; i < n; i++) {
    const p = join(dir, `f${i}.yaml`);
    switch (int(11)) {
      case 0:
        writeFileSync(p, randomBytes(int(4096)));
        break;
      case 1:
        writeFileSync(
          p,
          Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from('# cilium-version: 1.16\nkubeProxyReplacement: "x"\n', 'utf16le'),
          ]),
        );
        break;
      case 2:
        writeFileSync(
          p,
          Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('routingMode: native\n', 'utf16le').swap16()]),
        );
        break;
      case 3:
        spawnSync('mkfifo', [p]);
        break;
      case 4:
        symlinkSync(`missing-${i}.yaml`, p);
        break;
      case 5:
        symlinkSync(`f${i}.yaml`, p);
        break;
      case 6:
        writeFileSync(p, '');
        truncateSync(p, int(2) ? 9 * 2 ** 20 : 3 * 2 ** 30);
        break;
      case 7:
        writeFileSync(p, 'a: ' + '['.repeat(1 + int(3000)) + ']'.repeat(int(3000)));
        break;
      case 8:
        writeFileSync(
          p,
          Buffer.concat([
            Buffer.from([0xef, 0xbb, 0xbf]),
            Buffer.from('kubeProxyReplacement: true\r\nbpf:\r\n  masquerade: true\r\n'),
          ]),
        );
        break;
      case 9:
        symlinkSync('/dev/zero', p);
        break;
      default: {
        const keys = [
          'kubeProxyReplacement',
          'bpf',
          'masquerade',
          'routingMode',
          'tunnelProtocol',
          'ipam',
          'mode',
          'enableIPv4Masquerade',
          'k8sServiceHost',
          '{{ .Values.x }}',
          '${x}',
          '-',
          '?',
          '&a',
          '*a',
          '!!str',
        ];
        const vals = [
          'true',
          'false',
          '"maybe"',
          '1',
          '~',
          '',
          '[a, b]',
          '{x: 1}',
          '|',
          '>-',
          '"{{ x }}"',
          'native',
          'tunnel',
          'vxlan',
        ];
        const lines = Array.from(
          { length: 1 + int(60) },
          () => ' '.repeat(int(4) * 2) + pick(keys) + pick([':', ': ', '']) + pick(vals),
        );
        writeFileSync(
          p,
          (int(2) ? '# cilium-version: 1.1' + int(10) + '\n' : '') + lines.join(pick(['\n', '\r\n', '\r'])),
        );
      }
    }
  }
}

function filesCase(): void {
  const t = results.files;
  const dir = mkdtempSync(join(tmpdir(), 'cilium-fuzz-files-'));
  try {
    hostileFolder(dir);
    const start = Date.now();
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, CLI, '--format', pick(['text', 'json', 'sarif']), dir],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 },
    );
    t.slowestMs = Math.max(t.slowestMs, Date.now() - start);
    const rssKb = Number(/(\d+)\s*$/.exec(r.stderr ?? '')?.[1] ?? 0);
    t.maxRssMiB = Math.max(t.maxRssMiB, rssKb / 1024);
    const label = `seed ${firstSeed} case ${t.cases}`;
    if (r.signal) t.failures.push(`${label}: killed (${r.signal}) — blocked or ran away`);
    else if (r.status === null || r.status > 2)
      t.failures.push(`${label}: exit ${r.status}; stderr ${r.stderr.slice(0, 300)}`);
    else if (/^\s+at /m.test(r.stderr)) t.failures.push(`${label}: stack trace on stderr`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    t.cases++;
  }
}

// ---- archives ----
function tarHeader(name: string, size: number | string, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0);
  h.write('0000644\0', 100);
  h.write(typeof size === 'number' ? size.toString(8).padStart(11, '0') + '\0' : size, 124);
  h.write(type, 156);
  h.write('ustar\0', 257);
  return h;
}
const ONE_MIB_GZ = gzipSync(Buffer.alloc(1 << 20, '#'));
function hostileArchive(): Buffer {
  const values = Buffer.from('bpf:\n  # -- Enable it\n  masquerade: false\n');
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
  switch (int(8)) {
    case 0: // a bomb: the wanted file claims hundreds of MiB
      return Buffer.concat([
        gzipSync(tarHeader('cilium/values.yaml', (100 + int(400)) << 20)),
        ...Array<Buffer>(50 + int(400)).fill(ONE_MIB_GZ),
      ]);
    case 1: // a bomb before the wanted file
      return Buffer.concat([
        gzipSync(tarHeader('cilium/templates/x.yaml', 80 << 20)),
        ...Array<Buffer>(80).fill(ONE_MIB_GZ),
        gzipSync(Buffer.concat([tarHeader('cilium/values.yaml', values.length), pad(values)])),
      ]);
    case 2: // random bytes
      return randomBytes(int(10_000));
    case 3: // truncated gzip
      return gzipSync(Buffer.concat([tarHeader('cilium/values.yaml', values.length), pad(values)])).subarray(
        0,
        10 + int(60),
      );
    case 4: // a size field that is not octal, or huge
      return gzipSync(
        Buffer.concat([
          tarHeader('cilium/values.yaml', pick(['zzzzzzzzzzz\0', '77777777777\0', '-0000000001\0', '           '])),
          pad(values),
        ]),
      );
    case 5: // long-name records, PAX and GNU, some absurd
      return gzipSync(
        Buffer.concat([
          tarHeader('././@LongLink', 30 + int(3) * 1e6, pick(['L', 'x'])),
          pad(Buffer.from('cilium/values.yaml\0')),
          tarHeader('x', values.length),
          pad(values),
        ]),
      );
    case 6: {
      // flipped bytes in a valid archive
      const a = gzipSync(
        Buffer.concat([tarHeader('cilium/values.yaml', values.length), pad(values), Buffer.alloc(1024)]),
      );
      for (let i = 0; i < 1 + int(5); i++) a[int(a.length)] ^= 1 << int(8);
      return a;
    }
    default:
      return gzipSync(Buffer.concat([tarHeader('cilium/values.yaml', values.length), pad(values), Buffer.alloc(1024)]));
  }
}

async function archivesCase(dir: string): Promise<void> {
  const t = results.archives;
  const p = join(dir, `cilium-1.16.${t.cases}.tgz`);
  writeFileSync(p, hostileArchive());
  const start = Date.now();
  try {
    await fileFromTgz(p, (f) => f === 'cilium/values.yaml');
  } catch (err) {
    t.failures.push(`seed ${firstSeed} case ${t.cases}: threw ${(err as Error).message}`);
  }
  rmSync(p, { force: true });
  t.slowestMs = Math.max(t.slowestMs, Date.now() - start);
  t.maxRssMiB = Math.max(t.maxRssMiB, process.memoryUsage().rss / (1 << 20));
  t.cases++;
}

async function main(): Promise<void> {
  const until = Date.now() + minutes * 60_000;
  const archiveDir = mkdtempSync(join(tmpdir(), 'cilium-fuzz-archives-'));
  mkdirSync(archiveDir, { recursive: true });
  const began = new Date();
  let round = 0;
  while (Date.now() < until) {
    await protocolCase();
    if (round % 2 === 0) filesCase();
    for (let i = 0; i < 5; i++) await archivesCase(archiveDir);
    if (++round % 10 === 0)
      process.stderr.write(
        `fuzz: ${round} rounds, failures ${results.protocol.failures.length + results.files.failures.length + results.archives.failures.length}\n`,
      );
  }
  rmSync(archiveDir, { recursive: true, force: true });
  const rows = Object.entries(results).map(
    ([name, r]) =>
      `| ${name} | ${r.cases} | ${r.failures.length} | ${r.maxRssMiB.toFixed(0)} MiB | ${(r.slowestMs / 1000).toFixed(1)} s |`,
  );
  const report = [
    `Last campaign: ${began.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min, seed ${firstSeed}, Node ${process.version}, ${process.platform}.`,
    '',
    '| target | cases | failures | peak RSS | slowest case |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...Object.values(results).flatMap((r) => r.failures.slice(0, 20).map((f) => `- ${f}`)),
  ].join('\n');
  process.stdout.write(report + '\n');
  if (process.argv.includes('--write')) {
    const doc = join(root, 'docs/reliability.md');
    const text = readFileSync(doc, 'utf8');
    const begin = '<!-- fuzz:begin -->';
    const end = '<!-- fuzz:end -->';
    writeFileSync(
      doc,
      text.slice(0, text.indexOf(begin) + begin.length) + '\n' + report + '\n' + text.slice(text.indexOf(end)),
    );
  }
  const failed = Object.values(results).some((r) => r.failures.length > 0);
  process.exit(failed ? 1 : 0);
}

void main();
