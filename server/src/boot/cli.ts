// dist/cli.js: `cilium-lint`, started from the bundle dist/cli-bundle.js (from its code cache when valid).
import path from 'node:path';
import { runBundle } from './runBundle';

// As a library (require('dist/cli.js')), the bundle's exports, and the bundle does not start itself.
module.exports = runBundle(path.join(__dirname, 'cli-bundle.js'), require.main === module).exports;
