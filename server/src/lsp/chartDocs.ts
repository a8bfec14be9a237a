// Descriptions of keys from the user's own copy of the cilium chart, read at run time (never shipped): a chart
// folder in the workspace (Chart.yaml with `name: cilium` beside a values.yaml), or a chart archive in the Helm
// cache. Only in a trusted workspace: an untrusted one reads no chart at all (a cloned repository decides what
// its chart folders hold). Every file goes through the guarded reader (regular files only, sizes capped, links
// kept inside the workspace); an archive is opened only when a hover needs its version, and decompressed only up
// to its values.yaml. Failures are silent (logged): this only adds text to hovers.

import { readdirSync, type Dirent } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { parseChartDescriptions } from '../core/chartDescriptions';
import { decodeText } from '../io/decodeText';
import { readGuarded } from '../io/guardedRead';
import { CHART_TGZ_LIMITS, fileFromTgz } from '../io/tgz';

export interface ChartSource {
  /** Minor version ("1.16") from Chart.yaml or the archive name; undefined when unknown. */
  version?: string;
  path: string;
  /** Key path → description; read and parsed on first use, empty when the chart cannot be read. */
  descriptions(): Promise<Map<string, string>>;
}

type Log = (message: string) => void;
const quiet: Log = () => undefined;

const MAX_SCAN_DIRS = 2000;
const MAX_DEPTH = 6;
const MAX_CHART_YAML_BYTES = 1 << 20;
/** The largest upstream values.yaml (1.19) is about 170 KB. */
const MAX_VALUES_BYTES = CHART_TGZ_LIMITS.maxFileBytes;

function lazy(path: string, read: () => Promise<string | undefined>, log: Log): () => Promise<Map<string, string>> {
  let memo: Promise<Map<string, string>> | undefined;
  return () =>
    (memo ??= read().then(
      (values) => {
        const m = values === undefined ? new Map<string, string>() : parseChartDescriptions(values);
        log(`chart descriptions: ${m.size} keys from ${path}`);
        return m;
      },
      (err: unknown) => {
        log(`chart descriptions: cannot read ${path}: ${(err as Error).message}`);
        return new Map<string, string>();
      },
    ));
}

/** A text file of the workspace, or an Error saying why it is not read. */
function workspaceText(path: string, root: string, maxBytes: number): string {
  const r = readGuarded(path, { maxBytes, confineTo: root });
  if (!r.ok) throw new Error(r.message);
  const t = decodeText(r.bytes);
  if (!t.ok) throw new Error(t.message);
  return t.text;
}

/** Cilium chart folders inside the workspace roots. Linked folders are not entered; linked files are read only
 * when they resolve inside the same root. */
export function findWorkspaceCharts(roots: string[], log: Log = quiet): ChartSource[] {
  const out: ChartSource[] = [];
  let scanned = 0;
  const visit = (root: string, dir: string, depth: number) => {
    if (depth > MAX_DEPTH || ++scanned > MAX_SCAN_DIRS) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const files = new Set(entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name));
    if (files.has('Chart.yaml') && files.has('values.yaml')) {
      try {
        const chart = workspaceText(join(dir, 'Chart.yaml'), root, MAX_CHART_YAML_BYTES);
        if (/^name:\s*["']?cilium["']?\s*(#.*)?$/m.test(chart)) {
          const version = /^version:\s*["']?v?(\d+\.\d+)/m.exec(chart)?.[1];
          const valuesPath = join(dir, 'values.yaml');
          out.push({
            version,
            path: dir,
            descriptions: lazy(dir, async () => workspaceText(valuesPath, root, MAX_VALUES_BYTES), log),
          });
        }
      } catch (err) {
        log(`chart descriptions: skipped ${dir}: Chart.yaml ${(err as Error).message}`);
      }
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      visit(root, join(dir, e.name), depth + 1);
    }
  };
  for (const r of roots) visit(r, r, 0);
  return out;
}

/**
 * Helm's repository cache, where `helm pull` / `helm install` leave chart archives. The same lookup as Helm's
 * pkg/helmpath (lazypath.go, lazypath_{darwin,windows,unix}.go): `$HELM_CACHE_HOME/repository`, else
 * `$XDG_CACHE_HOME/helm/repository`, else the platform default: `~/.cache` (Linux), `~/Library/Caches`
 * (macOS), `%TEMP%` (Windows), each followed by `helm/repository`.
 */
export function helmCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const path = platform === 'win32' ? win32 : posix;
  if (env.HELM_CACHE_HOME) return path.join(env.HELM_CACHE_HOME, 'repository');
  let base = env.XDG_CACHE_HOME;
  if (!base) {
    if (platform === 'darwin') base = path.join(home, 'Library', 'Caches');
    else if (platform === 'win32') base = env.TEMP || tmpdir();
    else base = path.join(home, '.cache');
  }
  return path.join(base, 'helm', 'repository');
}

/** `cilium-1.16.5.tgz` style archives in the Helm cache (only the names are read here; an archive is opened
 * when a hover needs its version). */
export function findCachedCharts(dir = helmCacheDir(), log: Log = quiet): ChartSource[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: ChartSource[] = [];
  // The newest patch of each minor version first.
  const archives = names
    .map((n) => ({ n, m: /^cilium-v?(\d+)\.(\d+)\.(\d+)(?:[A-Za-z_.+-][\w.+-]*)?\.tgz$/.exec(n) }))
    .filter((a): a is { n: string; m: RegExpExecArray } => a.m !== null)
    .sort((a, b) => Number(b.m[3]) - Number(a.m[3]));
  for (const { n, m } of archives) {
    const path = join(dir, n);
    const read = async () => {
      const r = await fileFromTgz(path, (f) => f === 'cilium/values.yaml');
      if (!r.ok) throw new Error(r.message);
      if (!r.data) return undefined;
      const t = decodeText(r.data);
      if (!t.ok) throw new Error(t.message);
      return t.text;
    };
    out.push({ version: `${m[1]}.${m[2]}`, path, descriptions: lazy(path, read, log) });
  }
  return out;
}

export type DescriptionLookup = (version: string, key: string) => string | undefined;

/** Reads what hovers on these versions need (the first readable chart of each version, else a workspace chart of
 * unknown version) and answers from it without further reading. */
export async function chartDescriptionLookup(
  charts: ChartSource[],
  versions: Iterable<string>,
): Promise<DescriptionLookup> {
  const byVersion = new Map<string, Map<string, string>>();
  for (const v of new Set(versions)) {
    for (const c of charts.filter((c) => c.version === v)) {
      const d = await c.descriptions();
      if (d.size > 0) {
        byVersion.set(v, d);
        break;
      }
    }
  }
  const unversioned = charts.find((c) => c.version === undefined);
  const fallback =
    unversioned && [...new Set(versions)].some((v) => !byVersion.has(v)) ? await unversioned.descriptions() : undefined;
  return (version, key) => (byVersion.get(version) ?? fallback)?.get(key);
}

const nothing: DescriptionLookup = () => undefined;

/** The charts one server knows about, found once and kept until the configuration or the trust changes. */
export class ChartDescriptions {
  private roots: string[] = [];
  private trusted = true;
  /** Bumped whenever what was found or read is dropped: a read that started before must not be shown. */
  private generation = 0;
  private workspace?: ChartSource[];
  private cache?: ChartSource[];

  constructor(
    private readonly log: Log = quiet,
    private readonly cacheDir: () => string = () => helmCacheDir(),
  ) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.workspace = undefined;
  }

  /** The client's workspace trust. A change drops every chart found and every text read so far. */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this.trusted) return false;
    this.trusted = trusted;
    this.reset();
    this.log(
      trusted
        ? 'workspace trusted: chart descriptions may be read'
        : 'workspace not trusted: no chart is read (workspace or Helm cache)',
    );
    return true;
  }

  isTrusted(): boolean {
    return this.trusted;
  }

  reset(): void {
    this.generation++;
    this.workspace = undefined;
    this.cache = undefined;
  }

  /** Workspace charts first; the Helm cache (outside the workspace) only when `readHelmCache` allows it; nothing
   * at all in an untrusted workspace, whatever the settings say. */
  async lookup(readHelmCache: boolean, versions: Iterable<string>): Promise<DescriptionLookup> {
    if (!this.trusted) return nothing;
    this.workspace ??= this.find('workspace', () => findWorkspaceCharts(this.roots, this.log));
    const charts = readHelmCache
      ? [
          ...this.workspace,
          ...(this.cache ??= this.find('Helm cache', () => findCachedCharts(this.cacheDir(), this.log))),
        ]
      : this.workspace;
    if (charts.length === 0) return nothing;
    const generation = this.generation;
    const lookup = await chartDescriptionLookup(charts, versions);
    // Trust or settings changed while reading: what was read is not shown.
    return this.generation === generation && this.trusted ? lookup : nothing;
  }

  private find(where: string, search: () => ChartSource[]): ChartSource[] {
    try {
      const found = search();
      if (found.length)
        this.log(
          `cilium charts in the ${where}: ${found.map((c) => `${c.path} (${c.version ?? 'version unknown'})`).join(', ')}`,
        );
      return found;
    } catch (err) {
      this.log(`looking for cilium charts in the ${where} failed: ${(err as Error).message}`);
      return [];
    }
  }
}
