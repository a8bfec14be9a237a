// Facts of knowledge/deprecatedValues.ts that test/core/deprecatedValues.test.ts left open, found by mutation
// testing (docs/mutation.md): where the replacement of a deprecation comes from, and exactly which deprecated keys
// may be renamed by a quick-fix in which versions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deprecatedRename, deprecationOf } from '../../../server/src/core/knowledge/deprecatedValues';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';

describe('knowledge/deprecatedValues.ts', () => {
  it("the replacement is the chart's own pointer, unless this project's advice says more", () => {
    // values.yaml@v1.19.1 l.3486-3487: enableMCSAPISupport is deprecated in favour of clustermesh.mcsapi.enabled.
    assert.equal(deprecationOf('clustermesh.enableMCSAPISupport', '1.19')?.replacement, 'clustermesh.mcsapi.enabled');
    // tunnel's comment names tunnelProtocol only; routingMode is the other half (knowledge/keyHistory.ts).
    assert.match(deprecationOf('tunnel', '1.14')?.replacement ?? '', /^routingMode: tunnel with tunnelProtocol/);
  });

  it('a rename is offered exactly where the chart ORs the old and the new key and deprecates the old one', () => {
    // localRedirectPolicy: templates/cilium-configmap.yaml@v1.18.7 l.730 (deprecated from 1.18 on);
    // enableCiliumEndpointSlice: @v1.16.19 l.1160, @v1.17.13 l.1200 (gone from the 1.18 chart).
    const offered = (path: string) => SUPPORTED_VERSIONS.filter((v) => deprecatedRename(path, v) !== undefined);
    assert.deepEqual(offered('localRedirectPolicy'), ['1.18', '1.19', '1.20', '1.21']);
    assert.equal(deprecatedRename('localRedirectPolicy', '1.18'), 'localRedirectPolicies.enabled');
    assert.deepEqual(offered('enableCiliumEndpointSlice'), ['1.16', '1.17']);
    assert.equal(deprecatedRename('enableCiliumEndpointSlice', '1.16'), 'ciliumEndpointSlice.enabled');
    // Deprecated, but moving one of the encryption keys changes the rendered path (no rename); never a crash.
    assert.ok(deprecationOf('encryption.keyFile', '1.15'));
    assert.equal(deprecatedRename('encryption.keyFile', '1.15'), undefined);
    assert.equal(deprecatedRename('constructor', '1.18'), undefined);
  });
});
