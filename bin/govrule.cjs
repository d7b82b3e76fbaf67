#!/usr/bin/env node
'use strict';
// A closed pipe (`govrule compile | head`) is not an error of ours.
process.stdout.on('error', err => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });
const { main } = require('../out/cli.cjs');
main(process.argv.slice(2)).then(code => { process.exitCode = code; });
