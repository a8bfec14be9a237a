// Masterminds/semver v3 as Sprig's `semver` and `semverCompare` use it: loose version parsing (a leading `v`,
// missing minor/patch), constraints with =, !=, >, <, >=, <=, ~, ^, wildcards, `,`/space for AND and `||` for
// OR, and its rule that a pre-release version only satisfies a constraint that itself names a pre-release.

export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  original: string;
}

const VERSION_RE =
  /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function parseSemver(text: string): SemVer {
  const m = VERSION_RE.exec(text);
  if (!m) throw new Error('Invalid Semantic Version');
  return {
    major: BigInt(m[1]!),
    minor: BigInt(m[2] ?? '0'),
    patch: BigInt(m[3] ?? '0'),
    pre: m[4] ?? '',
    original: text,
  };
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
    } else if (xn) return -1;
    else if (yn) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function compareSemver(a: SemVer, b: SemVer): number {
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return comparePre(a.pre, b.pre);
}

interface Constraint {
  op: string;
  v: SemVer;
  /** Which parts were wildcards or absent: 'major' | 'minor' | 'patch' | undefined. */
  dirty: 'major' | 'minor' | 'patch' | undefined;
  hasPre: boolean;
}

// Matched against trimmed text: a `\s*` on both sides of the optional operator made the regex quadratic.
const CONSTRAINT_RE =
  /^(=|!=|>=|=>|<=|=<|>|<|~>|~|\^)?\s*v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-([0-9A-Za-z-.]+))?(?:\+[0-9A-Za-z-.]+)?$/;

function parseConstraint(text: string): Constraint {
  const m = CONSTRAINT_RE.exec(text.trim());
  if (!m) throw new Error(`improper constraint: ${text}`);
  const wild = (s: string | undefined) => s === undefined || s === 'x' || s === 'X' || s === '*';
  let dirty: Constraint['dirty'];
  if (wild(m[2])) dirty = 'major';
  else if (wild(m[3])) dirty = 'minor';
  else if (wild(m[4])) dirty = 'patch';
  const num = (s: string | undefined) => (wild(s) ? 0n : BigInt(s!));
  const v: SemVer = { major: num(m[2]), minor: num(m[3]), patch: num(m[4]), pre: m[5] ?? '', original: text };
  let op = m[1] ?? '';
  if (op === '=>') op = '>=';
  if (op === '=<') op = '<=';
  if (op === '~>') op = '~';
  return { op, v, dirty, hasPre: v.pre !== '' };
}

function check(c: Constraint, v: SemVer): boolean {
  // A pre-release version matches only constraints that carry a pre-release themselves.
  if (v.pre !== '' && !c.hasPre) return false;
  const cmp = compareSemver(v, c.v);
  switch (c.op) {
    case '':
    case '=':
      if (c.dirty === 'major') return true;
      if (c.dirty === 'minor') return v.major === c.v.major;
      if (c.dirty === 'patch') return v.major === c.v.major && v.minor === c.v.minor;
      return cmp === 0;
    case '!=':
      if (c.dirty === 'major') return false;
      if (c.dirty === 'minor') return v.major !== c.v.major;
      if (c.dirty === 'patch') return !(v.major === c.v.major && v.minor === c.v.minor);
      return cmp !== 0;
    case '>':
      if (c.dirty === 'major') return false;
      if (c.dirty === 'minor') return v.major > c.v.major;
      if (c.dirty === 'patch') return v.major > c.v.major || (v.major === c.v.major && v.minor > c.v.minor);
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '<=':
      if (c.dirty === 'major') return true;
      if (c.dirty === 'minor') return v.major <= c.v.major;
      if (c.dirty === 'patch') return v.major < c.v.major || (v.major === c.v.major && v.minor <= c.v.minor);
      return cmp <= 0;
    case '~': {
      if (cmp < 0) return false;
      if (c.dirty === 'major') return true;
      if (v.major !== c.v.major) return false;
      if (c.dirty === 'minor') return true;
      return v.minor === c.v.minor;
    }
    case '^': {
      if (cmp < 0) return false;
      if (c.dirty === 'major') return true;
      if (c.v.major > 0n) return v.major === c.v.major;
      if (v.major > 0n) return false;
      if (c.dirty === 'minor' || c.v.minor > 0n) return c.dirty === 'minor' ? true : v.minor === c.v.minor;
      if (v.minor > 0n) return false;
      if (c.dirty === 'patch') return true;
      return v.patch === c.v.patch;
    }
  }
  return false;
}

/** semverCompare: true when `version` satisfies `constraint`. Throws for an invalid version or constraint. */
export function semverSatisfies(constraint: string, version: string): boolean {
  // A pure function of two strings, asked the same few questions on every render (the chart's upgradeCompatibility
  // and Kubernetes version checks): answered once (an error too: thrown again as it was).
  const key = `${constraint}\u0000${version}`;
  let hit = answers.get(key);
  if (hit === undefined) {
    try {
      hit = satisfies(constraint, version);
    } catch (e) {
      hit = e instanceof Error ? e : new Error(String(e));
    }
    if (answers.size >= 2000) answers.clear();
    answers.set(key, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

const answers = new Map<string, boolean | Error>();

function satisfies(constraint: string, version: string): boolean {
  const v = parseSemver(version);
  const alternatives = constraint.split('||').map((alt) =>
    alt
      .trim()
      .replace(/\s+/g, (blank, at: number, all: string) => (at > 0 && '<>=!~^'.includes(all[at - 1]) ? '' : blank))
      .split(/[\s,]+/)
      .filter((s) => s.length > 0)
      .map(parseConstraint),
  );
  return alternatives.some((all) => all.every((c) => check(c, v)));
}
