// The one table of Cilium minors this project supports: everything that knows a version list, a release tag, the
// pre-release flag, the docs address or the minimum kernel reads it from here (version.ts derives the helpers,
// the generators in tools/ take the tag and commit from here, the VS Code client gets the list from the server's
// initialize result, `npm run gen:package-versions` writes package.json's setting enums).
//
// Adding a minor: one row here (tag and commit as in ../shared/cilium-charts/SOURCES.md, the kernel line of
// Documentation/operations/system_requirements.rst at that tag), then the generated data: `npm run gen:catalog`,
// `gen:config-keys`, `gen:schema-enums`, `gen:charts`, `gen:chart-values`, `gen:deprecated-values`,
// `gen:boolean-uses`, `gen:package-versions`, `gen:rules-doc`, and last `gen:chart-agreement` (renders with the
// Helm binary of the dev dependency, no network). Each of these has a test that fails while its output is stale.
// docs/adding-a-minor.md lists the tests that still spell out the newest minor and what a dry run touched.
// test/core/versionTable.test.ts checks every cell against SOURCES.md and the Cilium sources' own words, and its
// shape against versionsSchema.ts (zod stays out of the run time: the bundles load it only to validate settings).

const kernel = (text: string, tag: string, line: number) => {
  const [major, minor] = text.split('.').map(Number);
  return { major, minor, text, cite: `Documentation/operations/system_requirements.rst@${tag} l.${line}` };
};

/** Oldest first. `as const` so that `CiliumVersion` is the union of the minors. */
export const VERSIONS = [
  {
    minor: '1.12',
    release: '1.12.19',
    commit: 'a1d7fbd43b563c809330b1c3e28165a3e7ff43aa',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.12/',
    minKernel: kernel('4.9.17', 'v1.12.19', 22),
  },
  {
    minor: '1.13',
    release: '1.13.18',
    commit: '19ff6c602372ef89eaab7ab4bb21482507e07b52',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.13/',
    minKernel: kernel('4.19.57', 'v1.13.18', 23),
  },
  {
    minor: '1.14',
    release: '1.14.19',
    commit: 'cb1113934e0e1d4c0121327cf592834bd07c0724',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.14/',
    minKernel: kernel('4.19.57', 'v1.14.19', 23),
  },
  {
    minor: '1.15',
    release: '1.15.19',
    commit: '6a0e0dfd47b1d6057e766dfb1fbd6d5e6ed661d1',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.15/',
    minKernel: kernel('4.19.57', 'v1.15.19', 23),
  },
  {
    minor: '1.16',
    release: '1.16.19',
    commit: '011fab6e7b798edd17e0337307dc034ed4916653',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.16/',
    minKernel: kernel('5.4', 'v1.16.19', 23),
  },
  {
    minor: '1.17',
    release: '1.17.13',
    commit: 'b0547c9f09de0088acdd34f6e1e1aeb992d23837',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.17/',
    minKernel: kernel('5.4', 'v1.17.13', 23),
  },
  {
    minor: '1.18',
    release: '1.18.7',
    commit: '2adae2146ff84963c30bad26d06e1e2a17431559',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.18/',
    minKernel: kernel('5.10', 'v1.18.7', 23),
  },
  {
    minor: '1.19',
    release: '1.19.1',
    commit: 'd0d0c8792c3420b3a6739fa21e3a182827a0bbc6',
    prerelease: false,
    docs: 'https://docs.cilium.io/en/v1.19/',
    minKernel: kernel('5.10', 'v1.19.1', 23),
  },
  {
    minor: '1.20',
    release: '1.20.0-pre.4',
    commit: '7527a668e91cef146ce6b4f7278fd822e1a868f3',
    prerelease: true,
    docs: 'https://docs.cilium.io/en/latest/',
    minKernel: kernel('5.10', 'v1.20.0-pre.4', 23),
  },
  {
    minor: '1.21',
    release: '1.21.0-pre.0',
    commit: 'e864986222d3b2d9fad0fc508cb875687e718f96',
    prerelease: true,
    docs: 'https://docs.cilium.io/en/latest/',
    minKernel: kernel('5.10', 'v1.21.0-pre.0', 23),
  },
] as const;

/** The git tag of a row's release ("v1.19.1"). Pre-release tags are not in the releases mirror: use `commit`. */
export const tagOf = (row: { release: string }): string => `v${row.release}`;
