// Descriptions of keys from the user's own copy of the cilium chart, read at run time (never shipped): a chart
// folder in the workspace (Chart.yaml with `name: cilium`), or a chart archive in the Helm cache. Failures are
// silent: this only adds text to hovers.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseChartDescriptions } from '../core/chartDescriptions';

export interface ChartSource {
  version?: string;
  path: string;
  descriptions: Map<string, string>;
}

const MAX_SCAN_DIRS = 2000;

/** A cilium chart folder inside the workspace (Chart.yaml `name: cilium` beside a values.yaml). */
export function findWorkspaceCharts(roots: string[]): ChartSource[] {
  const out: ChartSource[] = [];
  let scanned = 0;
  const visit = (dir: string, depth: number) => {
    if (depth > 6 || ++scanned > MAX_SCAN_DIRS) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    if (names.includes('Chart.yaml') && names.includes('values.yaml')) {
      const chart = readFileSync(join(dir, 'Chart.yaml'), 'utf8');
      if (/^name:\s*["']?cilium["']?\s*$/m.test(chart)) {
        const version = /^version:\s*["']?v?(\d+\.\d+)/m.exec(chart)?.[1];
        out.push({ version, path: dir, descriptions: parseChartDescriptions(readFileSync(join(dir, 'values.yaml'), 'utf8')) });
      }
    }
    for (const n of names) {
      if (n.startsWith('.') || n === 'node_modules') continue;
      const p = join(dir, n);
      try {
        if (statSync(p).isDirectory()) visit(p, depth + 1);
      } catch {
        /* unreadable: skip */
      }
    }
  };
  for (const r of roots) visit(r, 0);
  return out;
}

export function helmCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'helm', 'repository');
}

/** Reads one file out of a .tgz (ustar) without a tar library: 512-byte headers, data padded to 512. */
export function readFromTgz(archive: Buffer, wanted: (name: string) => boolean): string | undefined {
  const tar = gunzipSync(archive);
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const full = prefix ? `${prefix}/${name}` : name;
    if (wanted(full)) return tar.subarray(off + 512, off + 512 + size).toString('utf8');
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** cilium-1.16.5.tgz style archives in the Helm cache. */
export function findCachedCharts(dir = helmCacheDir()): ChartSource[] {
  if (!existsSync(dir)) return [];
  const out: ChartSource[] = [];
  for (const n of readdirSync(dir)) {
    const m = /^cilium-v?(\d+\.\d+)\.\d+.*\.tgz$/.exec(n);
    if (!m) continue;
    try {
      const values = readFromTgz(readFileSync(join(dir, n)), (f) => f === 'cilium/values.yaml');
      if (values) out.push({ version: m[1], path: join(dir, n), descriptions: parseChartDescriptions(values) });
    } catch {
      /* a broken archive: skip */
    }
  }
  return out;
}

/** A lookup for hovers: the chart for that version if there is one, else a workspace chart of unknown version. */
export function chartDescriptionLookup(charts: ChartSource[]): (version: string, key: string) => string | undefined {
  return (version, key) => {
    const chart = charts.find((c) => c.version === version) ?? charts.find((c) => c.version === undefined);
    return chart?.descriptions.get(key);
  };
}
