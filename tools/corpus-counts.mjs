#!/usr/bin/env node
// Counts cilium-lint's findings on every file of ../shared/corpus/real, each file analysed alone with the
// built CLI (dist/cli.js, `npm run build` first), the way a user runs it on one file.
//
//   node tools/corpus-counts.mjs > before.tsv            one line per file: counts and every finding (rule@line)
//   node tools/corpus-counts.mjs --compare before.tsv    per file: before → after, and each finding removed/added
//
// Used for the closing note of issue 8 (docs/corpus-review.md); never run by the product.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
const cli = path.join(repoRoot, 'dist/cli.js');

function findingsOf(file) {
  let out;
  try {
    out = execFileSync(process.execPath, [cli, '--format', 'json', path.join(corpusDir, file)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (e) {
    out = e.stdout; // exit 1 = error-severity findings; the report is still on stdout
  }
  const report = JSON.parse(out);
  const list = [];
  for (const f of report.files) {
    for (const d of f.diagnostics ?? []) list.push(d);
    for (const doc of f.documents ?? []) for (const d of doc.diagnostics ?? []) list.push(d);
  }
  return list.map((d) => ({ severity: d.severity, id: `${d.rule}@${d.line}`, message: d.message }));
}

function countLine(file, list) {
  const n = (s) => list.filter((d) => d.severity === s).length;
  return [
    file,
    list.length,
    n('error'),
    n('warning'),
    n('info'),
    list.map((d) => `${d.severity[0]}:${d.id}`).join(' '),
  ].join('\t');
}

const files = readdirSync(corpusDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const compareIdx = process.argv.indexOf('--compare');
if (compareIdx < 0) {
  console.log(['file', 'total', 'error', 'warning', 'info', 'findings'].join('\t'));
  for (const f of files) console.log(countLine(f, findingsOf(f)));
} else {
  const before = new Map(
    readFileSync(process.argv[compareIdx + 1], 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => {
        const c = l.split('\t');
        return [c[0], { total: Number(c[1]), ids: (c[5] ?? '').split(' ').filter(Boolean) }];
      }),
  );
  let sumBefore = 0,
    sumAfter = 0;
  for (const f of files) {
    const after = findingsOf(f);
    const b = before.get(f) ?? { total: 0, ids: [] };
    const afterIds = after.map((d) => `${d.severity[0]}:${d.id}`);
    sumBefore += b.total;
    sumAfter += after.length;
    const removed = b.ids.filter((id) => !afterIds.includes(id));
    const added = after.filter((d) => !b.ids.includes(`${d.severity[0]}:${d.id}`));
    console.log(`${f}\t${b.total} → ${after.length}`);
    for (const id of removed) console.log(`  - ${id}`);
    for (const d of added) console.log(`  + ${d.severity[0]}:${d.id}  ${d.message.slice(0, 160)}`);
  }
  console.log(`total\t${sumBefore} → ${sumAfter}`);
}
