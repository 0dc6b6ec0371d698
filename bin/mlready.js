#!/usr/bin/env node
// The installed `mlready` command: runs the bundled CLI.
const { main } = require('../dist/cli.js');
main(process.argv.slice(2)).then((code) => {
  if (process.env.MLREADY_BENCH_STATS === '1') process.stderr.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  process.exitCode = code;
});
