// The packet path of one Cilium document as a picture: a pod's packet through its device (veth or netkit) into the
// node, then either the eBPF shortcut (BPF host routing) or the legacy detour through the host network stack, netfilter and
// the kernel's routing table, and out: to a pod on another node (tunnel or native routing) and to the world
// (masqueraded in eBPF, by iptables, or not at all). Nothing here is a new fact: every box is read from the
// derived datapath (model/datapath.ts) and the agent configuration, and names the keys, with their lines, that
// decided it. The SVG draws in `currentColor`, so it reads in light and dark themes alike.

import type { DocumentAnalysis } from './analyze';
import { LineIndex } from './positions';
import type { Origin } from './types';

/** A key that decided a box: with its 1-based line when it is the user's, else where its value came from. */
export interface Decider {
  key: string;
  line?: number;
  note?: string;
}

export type BoxTone = 'fast' | 'slow' | 'plain';

export interface PathBox {
  id: 'pod' | 'device' | 'bpf-redirect' | 'host-stack' | 'netfilter' | 'routing-table' | 'to-node' | 'to-world';
  title: string;
  detail: string;
  tone: BoxTone;
  decidedBy: Decider[];
}

export interface PacketPath {
  /** Pod → device → the host's part, in order. */
  inNode: PathBox[];
  /** Where the packet leaves: to a pod on another node, and out of the cluster. */
  exits: [PathBox, PathBox];
}

/** At most this many keys per box: the Explain text below the picture lists them all. */
const MAX_DECIDERS = 3;

function decidersOf(origins: readonly Origin[], lines: LineIndex | undefined): Decider[] {
  const out: Decider[] = [];
  const seen = new Set<string>();
  const add = (o: Origin, depth: number): void => {
    if (o.kind === 'implied' && depth < 6) {
      // An implied value is decided by what implied it; the implied key itself is the fallback.
      if (o.by.length > 0) return o.by.forEach((b) => add(b, depth + 1));
    }
    const d: Decider =
      o.kind === 'user'
        ? { key: o.key, line: lines ? lines.position(o.range.start).line : undefined }
        : {
            key: o.key,
            note:
              o.kind === 'chart-default'
                ? `default ${o.version}`
                : o.kind === 'agent-default'
                  ? 'agent default'
                  : o.kind === 'chart-fixed'
                    ? `chart ${o.version}`
                    : 'implied',
          };
    const id = `${d.key}@${d.line ?? d.note}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(d);
  };
  for (const o of origins) add(o, 0);
  // The user's own keys first: they are what the user can change.
  return out.sort((a, b) => Number(b.line !== undefined) - Number(a.line !== undefined));
}

/** The packet path of one document, each box with the keys that decided it. */
export function packetPath(d: DocumentAnalysis, text?: string): PacketPath {
  const lines = text === undefined ? undefined : LineIndex.of(text);
  const dp = d.datapath;
  const a = d.agent;
  const by = (origins: readonly Origin[]) => decidersOf(origins, lines);
  const netkit = /^netkit/.test(a.datapathMode.value);
  const inNode: PathBox[] = [
    { id: 'pod', title: 'Pod', detail: "the pod's eth0", tone: 'plain', decidedBy: [] },
    {
      id: 'device',
      title: netkit ? 'netkit device' : 'veth pair',
      detail: netkit ? `datapath mode ${a.datapathMode.value}` : 'datapath mode veth',
      tone: 'plain',
      decidedBy: by([a.datapathMode.origin]),
    },
  ];
  if (dp.hostRouting.status === 'BPF') {
    inNode.push({
      id: 'bpf-redirect',
      title: 'eBPF redirect',
      detail: 'skips the host stack',
      tone: 'fast',
      decidedBy: by(dp.kubeProxyReplacement.origins),
    });
  } else {
    const why = by(dp.hostRouting.reasons.flatMap((r) => r.origins));
    inNode.push(
      { id: 'host-stack', title: 'host network stack', detail: 'the kernel takes over', tone: 'slow', decidedBy: why },
      {
        id: 'netfilter',
        title: 'netfilter',
        detail: dp.masquerading.mode === 'IPTables' ? 'iptables, MASQUERADE here' : 'iptables rules',
        tone: 'slow',
        decidedBy: [],
      },
      { id: 'routing-table', title: 'routing table', detail: "the kernel's routes", tone: 'slow', decidedBy: [] },
    );
  }
  const routing = dp.routing;
  const toNode: PathBox = {
    id: 'to-node',
    title: routing.mode === 'native' ? 'Native routing' : `${(routing.protocol ?? 'tunnel').toUpperCase()} tunnel`,
    detail:
      routing.mode === 'native'
        ? 'to a pod on another node'
        : routing.hybrid
          ? `cilium_${routing.protocol ?? 'vxlan'} to a pod on another node, or natively within one subnet of subnet-topology (hybrid routing)`
          : `cilium_${routing.protocol ?? 'vxlan'}, to a pod on another node`,
    tone: 'plain',
    decidedBy: by(routing.origins),
  };
  const masq = dp.masquerading;
  const masqOrigins = [
    a.ipv4Masquerade.origin,
    ...(masq.mode === 'BPF' ? [a.bpfMasquerade.origin] : masq.reasons.flatMap((r) => r.origins)),
  ];
  const toWorld: PathBox = {
    id: 'to-world',
    title: masq.mode === 'BPF' ? 'SNAT in eBPF' : masq.mode === 'IPTables' ? 'SNAT by iptables' : 'No SNAT',
    detail: masq.mode === 'Disabled' ? 'out of the cluster with the pod IP' : 'out of the cluster with the node IP',
    tone: masq.mode === 'BPF' ? 'fast' : masq.mode === 'IPTables' ? 'slow' : 'plain',
    decidedBy: by(masqOrigins),
  };
  return { inNode, exits: [toNode, toWorld] };
}

/** The link of a line reference in a viewer that handles the click itself (the Explain webview): `#L<line>`. */
export const lineHref = (line: number): string => `#L${line}`;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "bpf.masquerade · line 9" or "ipam.mode · chart default of 1.16". */
export function deciderText(d: Decider): string {
  return d.line !== undefined ? `${d.key} · line ${d.line}` : `${d.key} · ${d.note ?? 'default'}`;
}

export interface DiagramOptions {
  /** The file's URI: each line becomes a link to `uri#L<line>`. */
  fileUri?: string;
  /**
   * Where a line links to instead, for a viewer that handles the click itself (the VS Code webview): the link
   * then carries the line as `data-line` too.
   */
  lineHref?: (line: number) => string;
  /** Heading above the picture (for a screen reader and the standalone file). */
  title?: string;
}

const BOX_W = 230;
/** Between the two exits. */
const GAP = 30;
/** Between boxes one above the other (room for the arrow). */
const V_GAP = 22;
/** Characters of the 10px monospace key lines that fit in a box. */
const KEY_CHARS = Math.floor((BOX_W - 16) / 6);
const TITLE_Y = 22;
const LINE_H = 15;

const TONE_STROKE: Record<BoxTone, string> = { fast: '#2e9e5b', slow: '#d98c00', plain: 'currentColor' };

function boxHeight(b: PathBox): number {
  return (
    TITLE_Y +
    LINE_H +
    Math.min(b.decidedBy.length, MAX_DECIDERS) * LINE_H +
    (b.decidedBy.length > MAX_DECIDERS ? LINE_H : 0) +
    12
  );
}

function drawBox(b: PathBox, x: number, y: number, h: number, options: DiagramOptions): string {
  const parts = [
    `<g class="box box-${b.tone}" data-box="${b.id}">`,
    `<rect x="${x}" y="${y}" width="${BOX_W}" height="${h}" rx="6" fill="none" stroke="${TONE_STROKE[b.tone]}" stroke-width="${b.tone === 'plain' ? 1 : 2}"/>`,
    `<text x="${x + 8}" y="${y + TITLE_Y - 4}" font-weight="bold">${escapeXml(b.title)}</text>`,
    `<text x="${x + 8}" y="${y + TITLE_Y + LINE_H - 6}" class="detail">${escapeXml(b.detail)}</text>`,
  ];
  b.decidedBy.slice(0, MAX_DECIDERS).forEach((d, i) => {
    const full = deciderText(d);
    const shown = full.length > KEY_CHARS ? `${full.slice(0, KEY_CHARS - 1)}…` : full;
    const t = `<text x="${x + 8}" y="${y + TITLE_Y + LINE_H * (i + 2) - 6}" class="key"><title>${escapeXml(full)}</title>${escapeXml(shown)}</text>`;
    const link =
      d.line === undefined
        ? undefined
        : options.lineHref
          ? `<a href="${escapeXml(options.lineHref(d.line))}" data-line="${d.line}">`
          : options.fileUri
            ? `<a href="${escapeXml(`${options.fileUri}#L${d.line}`)}">`
            : undefined;
    parts.push(link ? `${link}${t}</a>` : t);
  });
  if (b.decidedBy.length > MAX_DECIDERS)
    parts.push(
      `<text x="${x + 8}" y="${y + TITLE_Y + LINE_H * (MAX_DECIDERS + 2) - 6}" class="key">and ${b.decidedBy.length - MAX_DECIDERS} more</text>`,
    );
  parts.push('</g>');
  return parts.join('');
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<path d="M${x1},${y1} L${x2},${y2}" stroke="currentColor" fill="none" marker-end="url(#arrow)"/>`;
}

/**
 * The packet path as a standalone SVG (no scripts, no external references): the node's part top to bottom, the
 * two ways out side by side below it, so it fits a preview beside the editor; it scales down to the view's width.
 */
export function packetPathSvg(path: PacketPath, options: DiagramOptions = {}): string {
  const margin = 10;
  const width = margin * 2 + BOX_W * 2 + GAP;
  const columnX = margin + (BOX_W + GAP) / 2;
  const out: string[] = [];
  let y = margin;
  path.inNode.forEach((b, i) => {
    const h = boxHeight(b);
    if (i > 0) out.push(arrow(width / 2, y - V_GAP, width / 2, y - 2));
    out.push(drawBox(b, columnX, y, h, options));
    y += h + V_GAP;
  });
  const exitH = Math.max(...path.exits.map(boxHeight));
  const fromY = y - V_GAP;
  path.exits.forEach((b, i) => {
    const x = margin + i * (BOX_W + GAP);
    out.push(arrow(width / 2, fromY, x + BOX_W / 2, y - 2), drawBox(b, x, y, exitH, options));
  });
  const height = y + exitH + margin;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:100%;height:auto" role="img" font-family="sans-serif" font-size="11" fill="currentColor">`,
    `<title>${escapeXml(options.title ?? 'Packet path')}</title>`,
    '<style>.detail{opacity:.8}.key{font-family:monospace;font-size:10px}a .key{text-decoration:underline}</style>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
    ...out,
    '</svg>',
  ].join('\n');
}

/** The same picture as a self-contained HTML page, light or dark as the reader's system is. */
export function packetPathHtml(svgs: { heading: string; svg: string }[], title: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(title)}</title>`,
    '<style>:root{color-scheme:light dark}body{font-family:sans-serif;margin:1.5em;color:#1f2328;background:#fff}',
    '@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}}a{color:inherit}svg{max-width:100%;height:auto}</style>',
    '</head><body>',
    `<h1>${escapeXml(title)}</h1>`,
    ...svgs.flatMap((s) => [`<h2>${escapeXml(s.heading)}</h2>`, s.svg]),
    '</body></html>',
    '',
  ].join('\n');
}
