import { chartRemoved } from '../../fixes/keyFixers';
import { removed } from '../../knowledge/chartFailureNotes';
import { chartNoteRule } from '../chartNoteRule';

export default chartNoteRule({
  ...removed(
    'chart-encryption-legacy-keys-removed',
    ['encryption.keyFile', 'encryption.mountPath', 'encryption.secretName', 'encryption.interface'],
    '1.16',
    /^encryption\.\{keyFile,mountPath,secretName,interface\} were deprecated/,
    'templates/validate.yaml@v1.16.19',
  ),
  summary:
    'The old top-level encryption keys (keyFile, mountPath, secretName, interface) moved under encryption.ipsec; the chart refuses the old ones.',
  examples: [
    { version: '1.16', bad: 'encryption:\n  keyFile: keys\n', good: 'encryption:\n  ipsec:\n    keyFile: keys\n' },
  ],
  fix: chartRemoved,
});
