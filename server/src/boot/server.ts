// dist/server.js: the language server, started from the bundle dist/server-bundle.js (from its code cache when valid).
import path from 'node:path';
import { runBundle } from './runBundle';

// As a library (require('dist/server.js')), the bundle's exports, and the bundle does not start itself.
module.exports = runBundle(path.join(__dirname, 'server-bundle.js'), require.main === module).exports;
