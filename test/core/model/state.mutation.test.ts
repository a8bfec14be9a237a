// What model/state.ts derives from the agent configuration, pinned where StrykerJS found nothing watching it
// (docs/mutation.md): when BPF NodePort and socket-LB end up on (full KPR, 1.12's probe, the separate switch, KPR
// disabled), which IP families masquerade, tunnelling, and the kernel version the user gives. ConfigMaps keep every
// case fast (no chart render).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configMapText, doc, finding, noFinding } from '../../helpers';

/** The other settings a finding names besides its own key ("Also involved: …"). */
const involved = (f: { related?: { message: string }[] }) =>
  (f.related ?? []).map((r) => r.message.replace(/^Also involved: /, ''));

const cm = (version: string, data: Record<string, string>, kernel?: string) =>
  doc(configMapText(version, data), kernel === undefined ? {} : { kernel });

describe('BPF NodePort: on with full KPR, 1.12 probe or the switch; off whatever the switch says with KPR disabled', () => {
  // The agent refuses IPsec with BPF NodePort up to 1.15 ("IPSec cannot be used with BPF NodePort",
  // daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.86-89), so the refusal shows whether NodePort is on.
  it('1.13 strict turns NodePort on (l.73-83): the refusal names kube-proxy-replacement', () => {
    const f = finding(
      cm('1.13', { 'kube-proxy-replacement': 'strict', 'enable-ipsec': 'true' }),
      'ipsec-with-nodeport',
    );
    assert.deepEqual(involved(f), ['kube-proxy-replacement']);
  });

  it('1.13 strict with enable-node-port: true: full KPR is what turned NodePort on, so it is the one named', () => {
    const f = finding(
      cm('1.13', { 'kube-proxy-replacement': 'strict', 'enable-node-port': 'true', 'enable-ipsec': 'true' }),
      'ipsec-with-nodeport',
    );
    assert.deepEqual(involved(f), ['kube-proxy-replacement']);
  });

  it('1.13 partial with enable-node-port: true: NodePort by the switch, and the refusal names the switch', () => {
    const f = finding(
      cm('1.13', { 'kube-proxy-replacement': 'partial', 'enable-node-port': 'true', 'enable-ipsec': 'true' }),
      'ipsec-with-nodeport',
    );
    assert.deepEqual(involved(f), ['enable-node-port']);
  });

  it('1.13 disabled switches NodePort off even with enable-node-port: true (disableNodePort, l.54-61)', () => {
    noFinding(
      cm('1.13', { 'kube-proxy-replacement': 'disabled', 'enable-node-port': 'true', 'enable-ipsec': 'true' }),
      'ipsec-with-nodeport',
    );
  });

  it("1.12's probe turns NodePort on (daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.84-95)", () => {
    // BPF masquerading needs BPF NodePort: with probe it has it, with partial and no switch it has not.
    noFinding(
      cm('1.12', { 'kube-proxy-replacement': 'probe', 'enable-bpf-masquerade': 'true' }),
      'bpf-masquerade-needs-nodeport',
    );
    finding(
      cm('1.12', { 'kube-proxy-replacement': 'partial', 'enable-bpf-masquerade': 'true' }),
      'bpf-masquerade-needs-nodeport',
    );
  });
});

describe('socket-LB: forced on by full KPR, else enable-socket-lb / bpf-lb-sock', () => {
  // Up to 1.15 BPF masquerading in tunnel mode needs socket-LB (daemon/cmd/daemon.go@v1.15.19 l.766); KPR true turns
  // socket-LB on whatever bpf-lb-sock says (daemon/cmd/kube_proxy_replacement.go@v1.15.19 l.74-85).
  const masq = { 'enable-node-port': 'true', 'enable-bpf-masquerade': 'true', 'bpf-lb-sock': 'false' };

  it('1.15 KPR false with bpf-lb-sock: false misses socket-LB; KPR true has it', () => {
    finding(cm('1.15', { 'kube-proxy-replacement': 'false', ...masq }), 'bpf-masquerade-needs-socket-lb');
    noFinding(cm('1.15', { 'kube-proxy-replacement': 'true', ...masq }), 'bpf-masquerade-needs-socket-lb');
    noFinding(
      cm('1.15', { 'kube-proxy-replacement': 'false', ...masq, 'bpf-lb-sock': 'true' }),
      'bpf-masquerade-needs-socket-lb',
    );
  });
});

describe('masquerading per IP family needs the family (pkg/option/config.go@v1.16.19 l.3152-3153)', () => {
  it('enable-ipv4: false turns IPv4 masquerading off; IPv6 masquerades when IPv6 is on', () => {
    const dp = cm('1.16', {
      'enable-ipv4': 'false',
      'enable-ipv6': 'true',
      'enable-ipv4-masquerade': 'true',
      'enable-ipv6-masquerade': 'true',
    }).datapath;
    assert.deepEqual([dp.masquerading.ipv4, dp.masquerading.ipv6], [false, true]);
    // iptables masquerading (no enable-bpf-masquerade) is blamed on the family that masquerades, IPv6 here.
    const f = finding(
      cm('1.16', {
        'enable-ipv4': 'false',
        'enable-ipv6': 'true',
        'enable-ipv4-masquerade': 'true',
        'enable-ipv6-masquerade': 'true',
        'kube-proxy-replacement': 'true',
      }),
      'host-routing-iptables-masquerade',
    );
    assert.equal(f.key, 'enable-ipv6-masquerade');
    assert.ok(!involved(f).includes('enable-ipv4-masquerade'), JSON.stringify(f));
    const v4only = cm('1.16', { 'enable-ipv6': 'false', 'enable-ipv6-masquerade': 'true' }).datapath;
    assert.deepEqual([v4only.masquerading.ipv4, v4only.masquerading.ipv6], [true, false]);
  });
});

describe('the kernel the user gives', () => {
  // netkit needs Linux 6.7 (daemon/cmd/daemon_main.go@v1.16.19 l.1375).
  const netkit = (kernel: string) => cm('1.16', { 'datapath-mode': 'netkit' }, kernel);

  it('6.6 and 5.15 are too old; 6.7, 6.10 and 7.0 are new enough', () => {
    finding(netkit('6.6'), 'netkit-needs-kernel-6.7');
    finding(netkit('5.15'), 'netkit-needs-kernel-6.7');
    for (const k of ['6.7', '6.10', '7.0']) noFinding(netkit(k), 'netkit-needs-kernel-6.7');
  });

  it('a `uname -r` string reads as major.minor, and the message quotes that', () => {
    const f = finding(netkit(' 6.1.0-18-amd64 '), 'netkit-needs-kernel-6.7');
    assert.match(f.message, /\(kernel 6\.1 given\)/);
    noFinding(netkit('6.8.0-45-generic'), 'netkit-needs-kernel-6.7');
  });
});
