#!/usr/bin/env node
// The bundle is built by `npm run build` (run automatically by `npm ci` through `prepare`).
require('../dist/cli.cjs');
