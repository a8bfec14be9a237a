// Descriptions of keys from the user's own copy of the cilium chart, read at run time (never shipped): a chart
// folder in the workspace (Chart.yaml with `name: cilium` beside a values.yaml), or a chart archive in the Helm
// cache. Each chart's values.yaml is parsed the first time a hover needs that version. Failures are silent
// (logged): this only adds text to hovers.

import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseChartDescriptions } from '../core/chartDescriptions';

export interface ChartSource {
  /** Minor version ("1.16") from Chart.yaml or the archive name; undefined when unknown. */
  version?: string;
  path: string;
  /** Key path → description; parsed on first use, empty when the chart cannot be read. */
  descriptions(): Map<string, string>;
}

type Log = (message: string) => void;
const quiet: Log = () => undefined;

const MAX_SCAN_DIRS = 2000;
const MAX_DEPTH = 6;

function lazy(path: string, read: () => string | undefined, log: Log): () => Map<string, string> {
  let memo: Map<string, string> | undefined;
  return () => {
    if (!memo) {
      try {
        const values = read();
        memo = values === undefined ? new Map() : parseChartDescriptions(values);
        log(`chart descriptions: ${memo.size} keys from ${path}`);
      } catch (err) {
        log(`chart descriptions: cannot read ${path}: ${(err as Error).message}`);
        memo = new Map();
      }
    }
    return memo;
  };
}

/** Cilium chart folders inside the workspace roots. Symbolic links are not followed (nothing outside is read). */
export function findWorkspaceCharts(roots: string[], log: Log = quiet): ChartSource[] {
  const out: ChartSource[] = [];
  let scanned = 0;
  const visit = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || ++scanned > MAX_SCAN_DIRS) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    if (files.has('Chart.yaml') && files.has('values.yaml')) {
      try {
        const chart = readFileSync(join(dir, 'Chart.yaml'), 'utf8');
        if (/^name:\s*["']?cilium["']?\s*(#.*)?$/m.test(chart)) {
          const version = /^version:\s*["']?v?(\d+\.\d+)/m.exec(chart)?.[1];
          out.push({ version, path: dir, descriptions: lazy(dir, () => readFileSync(join(dir, 'values.yaml'), 'utf8'), log) });
        }
      } catch {
        /* unreadable Chart.yaml: not a chart we can use */
      }
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      visit(join(dir, e.name), depth + 1);
    }
  };
  for (const r of roots) visit(r, 0);
  return out;
}

/** `$XDG_CACHE_HOME/helm/repository`, else `~/.cache/helm/repository`. */
export function helmCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'helm', 'repository');
}

const cstring = (b: Buffer) => b.toString('utf8').replace(/\0.*$/s, '');

/** Reads one file out of a .tgz (ustar, with PAX/GNU long names) without a tar library. */
export function readFromTgz(archive: Buffer, wanted: (name: string) => boolean): string | undefined {
  const tar = gunzipSync(archive);
  let off = 0;
  let longName: string | undefined;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(cstring(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const data = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cstring(data);
      continue;
    }
    if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
      if (path) longName = path;
      continue;
    }
    const name = cstring(header.subarray(0, 100));
    const prefix = cstring(header.subarray(345, 500));
    const full = longName ?? (prefix ? `${prefix}/${name}` : name);
    longName = undefined;
    if ((type === '0' || type === '\0') && wanted(full)) return data.toString('utf8');
  }
  return undefined;
}

/** `cilium-1.16.5.tgz` style archives in the Helm cache (only the archive names are read here). */
export function findCachedCharts(dir = helmCacheDir(), log: Log = quiet): ChartSource[] {
  let names: string[];
  try {
    if (!existsSync(dir)) return [];
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: ChartSource[] = [];
  // The newest patch of each minor version first.
  const archives = names
    .map((n) => ({ n, m: /^cilium-v?(\d+)\.(\d+)\.(\d+)\S*\.tgz$/.exec(n) }))
    .filter((a): a is { n: string; m: RegExpExecArray } => a.m !== null)
    .sort((a, b) => Number(b.m[3]) - Number(a.m[3]));
  for (const { n, m } of archives) {
    const path = join(dir, n);
    out.push({ version: `${m[1]}.${m[2]}`, path, descriptions: lazy(path, () => readFromTgz(readFileSync(path), (f) => f === 'cilium/values.yaml'), log) });
  }
  return out;
}

/** A lookup for hovers: the first readable chart of that version, else a workspace chart of unknown version. */
export function chartDescriptionLookup(charts: ChartSource[]): (version: string, key: string) => string | undefined {
  return (version, key) => {
    for (const c of charts.filter((c) => c.version === version)) {
      const d = c.descriptions();
      if (d.size > 0) return d.get(key);
    }
    return charts.find((c) => c.version === undefined)?.descriptions().get(key);
  };
}

/** The charts one server knows about, found once and kept until the configuration changes. */
export class ChartDescriptions {
  private roots: string[] = [];
  private workspace?: ChartSource[];
  private cache?: ChartSource[];

  constructor(private readonly log: Log = quiet) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.workspace = undefined;
  }

  reset(): void {
    this.workspace = undefined;
    this.cache = undefined;
  }

  /** Workspace charts first; the Helm cache (outside the workspace) only when `readHelmCache` allows it. */
  lookup(readHelmCache: boolean): (version: string, key: string) => string | undefined {
    return (version, key) => {
      this.workspace ??= this.find('workspace', () => findWorkspaceCharts(this.roots, this.log));
      const charts = readHelmCache ? [...this.workspace, ...(this.cache ??= this.find('Helm cache', () => findCachedCharts(helmCacheDir(), this.log)))] : this.workspace;
      return charts.length ? chartDescriptionLookup(charts)(version, key) : undefined;
    };
  }

  private find(where: string, search: () => ChartSource[]): ChartSource[] {
    try {
      const found = search();
      if (found.length) this.log(`cilium charts in the ${where}: ${found.map((c) => `${c.path} (${c.version ?? 'version unknown'})`).join(', ')}`);
      return found;
    } catch (err) {
      this.log(`looking for cilium charts in the ${where} failed: ${(err as Error).message}`);
      return [];
    }
  }
}
