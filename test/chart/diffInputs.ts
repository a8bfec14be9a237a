// Inputs of the differential tests: (a) the Cilium values of every real-world file in ../shared/corpus/real,
// pulled out of their wrappers by the core's recogniser, and (b) values files from a seeded generator that
// draws datapath keys and their value domains, including spellings of other versions (`strict`, `partial`,
// `tunnel: disabled`), literal nulls and quoted booleans.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toGoYaml } from '../../server/src/core/chart/helm/goYaml';
import type { GoValue } from '../../server/src/core/chart/template/index';
import { recognise } from '../../server/src/core/parse/recognise';
import { parseYamlFile } from '../../server/src/core/parse/yamlFile';
import { SHARED_CORPUS } from './helmRunner';

export interface DiffInput {
  name: string;
  valuesText: string;
}

export interface CorpusInputs {
  inputs: DiffInput[];
  /** Files (or documents) left out, with why: not Cilium values, templated values, or several sources. */
  skipped: { name: string; why: string }[];
}

/** The values text of every Cilium values source in the corpus (plain files verbatim, wrapped ones cut out). */
export function corpusInputs(): CorpusInputs {
  if (!existsSync(SHARED_CORPUS))
    throw new Error(`The differential tests need the corpus in ${SHARED_CORPUS} (../shared/corpus/real).`);
  const inputs: DiffInput[] = [];
  const skipped: { name: string; why: string }[] = [];
  for (const file of readdirSync(SHARED_CORPUS)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const text = readFileSync(path.join(SHARED_CORPUS, file), 'utf8');
    const parsed = parseYamlFile(text);
    const sources = recognise(parsed, { path: file }).filter((s) => s.format === 'helm');
    if (sources.length === 0) {
      skipped.push({ name: file, why: 'no Cilium Helm values in it' });
      continue;
    }
    sources.forEach((src, i) => {
      const name = sources.length > 1 ? `${file}#${i}` : file;
      const ctx = src.root.ctx;
      const range = src.root.map.range;
      if (!range) {
        skipped.push({ name, why: 'values without a source range' });
        return;
      }
      const inTemplates = ctx.templates.some((t) => t.end > ctx.toFile(range[0]) && t.start < ctx.toFile(range[1]));
      if (inTemplates) {
        skipped.push({ name, why: 'values contain template expressions Helm cannot read as a values file' });
        return;
      }
      if (src.kind === 'helm-values' && parsed.documents.length === 1 && ctx.text === parsed.text) {
        inputs.push({ name, valuesText: text });
        return;
      }
      // Cut the mapping out of its wrapper; indent the first line like the rest so the YAML stays aligned.
      const lineStart = ctx.text.lastIndexOf('\n', range[0] - 1) + 1;
      const column = range[0] - lineStart;
      inputs.push({ name, valuesText: `${' '.repeat(column)}${ctx.text.slice(range[0], range[1])}\n` });
    });
  }
  return { inputs, skipped };
}

/** mulberry32: a small seeded PRNG, so every run draws the same files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Datapath keys and the values users write for them (right, wrong-version and wrong-type spellings). */
const DOMAINS: Record<string, GoValue[]> = {
  kubeProxyReplacement: [true, false, 'true', 'false', 'strict', 'partial', 'disabled', 'probe', null],
  routingMode: ['tunnel', 'native', '', null],
  tunnel: ['vxlan', 'geneve', 'disabled'],
  tunnelProtocol: ['vxlan', 'geneve', ''],
  autoDirectNodeRoutes: [true, false, 'true'],
  ipv4NativeRoutingCIDR: ['10.0.0.0/8', '', null],
  'bpf.masquerade': [true, false, 'true', null],
  'bpf.hostLegacyRouting': [true, false, null],
  'bpf.tproxy': [true, false],
  'bpf.datapathMode': ['veth', 'netkit', 'netkit-l2'],
  'bpf.lbExternalClusterIP': [true, false],
  enableIPv4Masquerade: [true, false, 'false'],
  enableIPv6Masquerade: [true, false],
  'ipv4.enabled': [true, false],
  'ipv6.enabled': [true, false],
  'ipam.mode': ['kubernetes', 'cluster-pool', 'eni', 'azure', 'multi-pool', 'crd', 'delegated-plugin'],
  'encryption.enabled': [true, false],
  'encryption.type': ['wireguard', 'ipsec'],
  'encryption.nodeEncryption': [true, false],
  'endpointRoutes.enabled': [true, false, null],
  'cni.chainingMode': ['none', 'aws-cni', 'generic-veth', 'portmap', null],
  'cni.exclusive': [true, false],
  'loadBalancer.mode': ['snat', 'dsr', 'hybrid'],
  'loadBalancer.acceleration': ['disabled', 'native', 'best-effort'],
  'loadBalancer.algorithm': ['maglev', 'random'],
  'loadBalancer.dsrDispatch': ['opt', 'ipip', 'geneve'],
  'eni.enabled': [true, false],
  'socketLB.enabled': [true, false],
  'socketLB.hostNamespaceOnly': [true, false],
  'nodePort.enabled': [true, false],
  'hostPort.enabled': [true, false],
  'bandwidthManager.enabled': [true, false],
  'bandwidthManager.bbr': [true, false],
  'egressGateway.enabled': [true, false],
  l7Proxy: [true, false],
  'hubble.enabled': [true, false],
  'hostFirewall.enabled': [true, false],
  k8sServiceHost: ['10.0.0.1', 'api.example.com', 'auto'],
  k8sServicePort: [6443, '6443'],
  devices: ['eth0', 'eth+ ens+', ['eth0', 'eth1']],
  MTU: [0, 1450, 9000],
  installNoConntrackIptablesRules: [true, false],
  enableIPv4BIGTCP: [true, false],
  'wellKnownIdentities.enabled': [true, false],
  extraConfig: [
    new Map<string, GoValue>([['custom-key', 'custom value']]),
    new Map<string, GoValue>([
      ['enable-foo', 'true'],
      ['bar', '1'],
    ]),
  ],
  policyEnforcementMode: ['default', 'always', 'never'],
  'ipMasqAgent.enabled': [true, false],
  'highScaleIPcache.enabled': [true, false],
  'l2announcements.enabled': [true, false],
  'bgpControlPlane.enabled': [true, false],
};

function setPath(root: Map<string, GoValue>, dotted: string, v: GoValue): void {
  const parts = dotted.split('.');
  let cur = root;
  for (const p of parts.slice(0, -1)) {
    let next = cur.get(p);
    if (!(next instanceof Map)) {
      next = new Map<string, GoValue>();
      cur.set(p, next);
    }
    cur = next;
  }
  cur.set(parts[parts.length - 1]!, v);
}

/** `count` random values files (3–9 datapath keys each), the same for a given seed. */
export function randomInputs(count: number, seed = 20261130): DiffInput[] {
  const rnd = prng(seed);
  const keys = Object.keys(DOMAINS);
  const out: DiffInput[] = [];
  for (let n = 0; n < count; n++) {
    const values = new Map<string, GoValue>();
    const k = 3 + Math.floor(rnd() * 7);
    for (let i = 0; i < k; i++) {
      const key = keys[Math.floor(rnd() * keys.length)]!;
      const domain = DOMAINS[key]!;
      setPath(values, key, domain[Math.floor(rnd() * domain.length)]!);
    }
    out.push({ name: `random-${seed}-${n}`, valuesText: toGoYaml(values) });
  }
  return out;
}
