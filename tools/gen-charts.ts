// Packs, for each Cilium minor 1.12..1.21, what the in-process chart renderer needs from the upstream chart copied
// to ../shared/cilium-charts/v1.NN (see its SOURCES.md) into server/src/core/chart/data/v1_NN.ts: the templates
// that can write cilium-config or stop the install, every helper (partial) file, values.yaml, values.schema.json
// (1.16+), the files/ those templates read, Chart.yaml metadata, and every template file's parse tree (compact
// JSON, template/astCodec.ts; a cold render decodes it instead of parsing). Each file holds two zlib-compressed, base64
// strings (the chart, and the trees apart so the renderer can drop them once decoded), decompressed lazily per version
// at run time, so the bundled server and the .vsix stay small.
//
//   npm run gen:charts            (node --import tsx tools/gen-charts.ts [chartsDir] [outDir])
//
// Versions are the folders present (v1.12 and up); re-running gives no diff (deterministic JSON, fixed zlib level).
// The chart is Apache-2.0 (Copyright Authors of Cilium); its LICENSE text is copied beside the data.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { readValuesYaml } from '../server/src/core/chart/helm/goYaml';
import { treeTexts, type PackedChart } from '../server/src/core/chart/helm/chartData';
import { encodeChartTemplates } from '../server/src/core/chart/helm/render';
import { valuesToJson } from '../server/src/core/chart/helm/schema';
import { SUPPORTED_VERSIONS } from '../server/src/core/version';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(scriptDir, '..');
const chartsDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, '../shared/cilium-charts'));
const outDir = path.resolve(process.argv[3] ?? path.join(REPO_ROOT, 'server/src/core/chart/data'));

const CONFIGMAP_TEMPLATE = 'templates/cilium-configmap.yaml';

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...walk(full, r));
    else out.push(r);
  }
  return out;
}

/** The names a piece of template text pulls in through `include "x"` / `template "x"`. */
function referencedDefines(text: string): string[] {
  return [...text.matchAll(/\b(?:include|template)\s+"([^"]+)"/g)].map((m) => m[1]!);
}

/** True when the text calls `fail` or `required` in function position (not inside a comment or a string). */
function callsFailOrRequired(text: string): boolean {
  const actions = [...text.matchAll(/\{\{(?!-?\s*\/\*)([\s\S]*?)\}\}/g)].map((m) =>
    m[1]!.replace(/"(?:[^"\\]|\\.)*"/g, '""'),
  );
  return actions.some((a) => /(^|[\s(|])(fail|required)(\s|$)/.test(a));
}

/** Splits a template file into its `define` blocks (name → body), by matching define/if/range/with/block/end. */
function defineBodies(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\{\{-?\s*(define|if|range|with|block|end)\b\s*(?:"([^"]*)")?[\s\S]*?\}\}/g;
  const stack: { kind: string; name?: string; start: number }[] = [];
  for (const m of text.matchAll(re)) {
    const kind = m[1]!;
    if (kind === 'end') {
      const open = stack.pop();
      if (open?.kind === 'define' && open.name) out.set(open.name, text.slice(open.start, m.index));
    } else {
      stack.push({ kind, name: m[2], start: m.index! + m[0].length });
    }
  }
  return out;
}

/** Which rendered templates can stop the install: they call fail/required, or include a define that can. */
function templatesThatCanFail(templates: Record<string, string>): string[] {
  const defines = new Map<string, string>();
  for (const text of Object.values(templates)) for (const [n, b] of defineBodies(text)) defines.set(n, b);
  const canFail = new Map<string, boolean>();
  const visit = (name: string, seen: Set<string>): boolean => {
    if (canFail.has(name)) return canFail.get(name)!;
    const body = defines.get(name);
    if (body === undefined || seen.has(name)) return false;
    seen.add(name);
    const r = callsFailOrRequired(body) || referencedDefines(body).some((d) => visit(d, seen));
    canFail.set(name, r);
    return r;
  };
  const failing = new Set(
    Object.entries(templates)
      .filter(([, t]) => callsFailOrRequired(t) || referencedDefines(t).some((d) => visit(d, new Set())))
      .map(([p]) => p),
  );
  // A template that includes a failing file by name (`include (print $.Template.BasePath "/x.yaml")`, for
  // checksums) fails with it, and Helm may run it first: it counts too.
  for (let added = true; added;) {
    added = false;
    for (const [p, t] of Object.entries(templates)) {
      if (failing.has(p)) continue;
      if (includedFiles(t).some((f) => failing.has(f))) {
        failing.add(p);
        added = true;
      }
    }
  }
  return [...failing].filter(isRendered).sort();
}

/** Template files included by name: `include (print $.Template.BasePath "/x.yaml") .` → "templates/x.yaml". */
function includedFiles(text: string): string[] {
  return [...text.matchAll(/Template\.BasePath\s+"\/([^"]+)"/g)].map((m) => `templates/${m[1]}`);
}

/** Helm renders every file under templates/ except partials (names starting with `_`) and NOTES.txt. */
function isRendered(p: string): boolean {
  const base = path.posix.basename(p);
  return !base.startsWith('_') && base !== 'NOTES.txt';
}

function packVersion(dir: string, minor: string): PackedChart {
  const chartYaml = parseYaml(readFileSync(path.join(dir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;
  const all: Record<string, string> = {};
  for (const rel of walk(path.join(dir, 'templates')))
    all[`templates/${rel}`] = readFileSync(path.join(dir, 'templates', rel), 'utf8');
  const failing = templatesThatCanFail(all);
  const render = [...new Set([CONFIGMAP_TEMPLATE, ...failing])].filter((p) => p in all).sort();
  // Keep what is rendered plus every file that only defines helpers (partials, or files holding `define`s).
  const templates: Record<string, string> = {};
  for (const [p, t] of Object.entries(all)) {
    if (render.includes(p) || !isRendered(p) || /\{\{-?\s*define\s/.test(t)) templates[p] = t;
  }
  // Templates included by file name (`include (print $.Template.BasePath "/x.yaml") .`, for checksums), transitively.
  for (let added = true; added;) {
    added = false;
    for (const t of Object.values(templates)) {
      for (const p of includedFiles(t)) {
        if (!(p in templates) && p in all) {
          templates[p] = all[p]!;
          added = true;
        }
      }
    }
  }
  // The files/ the kept templates read with .Files.Get / .Files.Glob.
  const files: Record<string, string> = {};
  const filesDir = path.join(dir, 'files');
  const allFiles = existsSync(filesDir) ? walk(filesDir).map((f) => `files/${f}`) : [];
  const kept = Object.values(templates).join('\n');
  for (const m of kept.matchAll(/Files\.(Get|Glob)\s+"([^"]+)"/g)) {
    const pattern = m[2]!;
    const re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/\u0000/g, '.*')}$`,
    );
    for (const f of allFiles) if (re.test(f)) files[f] = readFileSync(path.join(dir, f), 'utf8');
  }
  const schemaPath = path.join(dir, 'values.schema.json');
  return {
    minor,
    chart: {
      name: String(chartYaml.name),
      version: String(chartYaml.version),
      appVersion: chartYaml.appVersion === undefined ? undefined : String(chartYaml.appVersion),
      apiVersion: String(chartYaml.apiVersion ?? 'v2'),
      description: chartYaml.description === undefined ? undefined : String(chartYaml.description),
      kubeVersion: chartYaml.kubeVersion === undefined ? undefined : String(chartYaml.kubeVersion),
      home: chartYaml.home === undefined ? undefined : String(chartYaml.home),
      icon: chartYaml.icon === undefined ? undefined : String(chartYaml.icon),
      type: chartYaml.type === undefined ? undefined : String(chartYaml.type),
    },
    chartYaml: readFileSync(path.join(dir, 'Chart.yaml'), 'utf8'),
    // values.yaml as Helm reads it (YAML 1.1, numbers as float64), stored as JSON: parsing the 190 KB YAML
    // with its comments at run time costs far more than JSON.parse.
    defaults: valuesToJson(readValuesYaml(readFileSync(path.join(dir, 'values.yaml'), 'utf8'))) as Record<
      string,
      unknown
    >,
    schemaJson: existsSync(schemaPath) ? readFileSync(schemaPath, 'utf8') : undefined,
    render,
    templates,
    files,
  };
}

function main(): void {
  if (!existsSync(chartsDir)) {
    console.error(
      `gen:charts: charts folder ${chartsDir} not found (expected ../shared/cilium-charts beside the repository)`,
    );
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  // The minors of the version table (knowledge/versions.ts): a newer folder in ../shared is not packed until its row is added.
  const minors = SUPPORTED_VERSIONS.filter((minor) => existsSync(path.join(chartsDir, `v${minor}`, 'Chart.yaml')));
  const missing = SUPPORTED_VERSIONS.filter((minor) => !minors.includes(minor));
  if (missing.length > 0)
    throw new Error(`gen:charts: no chart folder for ${missing.map((m) => `v${m}`).join(', ')} in ${chartsDir}`);
  const index: string[] = [];
  let total = 0;
  for (const minor of minors) {
    const packed = packVersion(path.join(chartsDir, `v${minor}`), minor);
    const json = JSON.stringify(packed);
    const b64 = deflateSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
    // Each template's parse tree, packed apart as its own JSON text: the renderer parses a file's tree only when it
    // decodes that file, so the arrays are garbage at once (not carried through collections until decoded).
    const trees = deflateSync(Buffer.from(JSON.stringify(treeTexts(encodeChartTemplates(packed))), 'utf8'), {
      level: 9,
    }).toString('base64');
    total += b64.length + trees.length;
    const id = minor.replace('.', '_');
    writeFileSync(
      path.join(outDir, `v${id}.ts`),
      `// GENERATED by tools/gen-charts.ts from the Cilium Helm chart ${packed.chart.version} (Apache-2.0, Copyright\n` +
        `// Authors of Cilium; see LICENSE-cilium-chart beside this file). Do not edit: run \`npm run gen:charts\`.\n` +
        `// zlib-compressed JSON, base64: the chart (PackedChart), and its templates' parse trees (PackedTrees).\n` +
        `export const chart = ${JSON.stringify(b64)};\n` +
        `export const trees = ${JSON.stringify(trees)};\n`,
    );
    index.push(minor);
    console.log(
      `v${minor}: ${packed.render.length} rendered templates, ${Object.keys(packed.templates).length} kept, ${Object.keys(packed.files).length} files, ${json.length} B json → ${b64.length} B packed, trees ${trees.length} B packed`,
    );
  }
  const imports = index.map((m) => `import * as v${m.replace('.', '_')} from './v${m.replace('.', '_')}';`).join('\n');
  writeFileSync(
    path.join(outDir, 'index.ts'),
    `// GENERATED by tools/gen-charts.ts. Do not edit: run \`npm run gen:charts\`.\n` +
      `// The packed chart of every Cilium minor (zlib + base64 JSON), decompressed on first use by chartData.ts.\n` +
      `${imports}\n\n` +
      `export const PACKED_CHARTS: Readonly<Record<string, { chart: string; trees: string }>> = {\n` +
      index.map((m) => `  '${m}': v${m.replace('.', '_')},\n`).join('') +
      `};\n`,
  );
  const license = readFileSync(path.join(chartsDir, `v${index[index.length - 1]}`, 'LICENSE'), 'utf8');
  writeFileSync(path.join(outDir, 'LICENSE-cilium-chart'), license);
  console.log(`total packed: ${total} B`);
}

main();
