#!/usr/bin/env node
// The bundle is built by `npm run build` (run by `npm ci` through `prepare`, and by `npm pack`
// through `prepack`, so the published package ships it).
require('../dist/cli/cli.cjs');
