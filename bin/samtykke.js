#!/usr/bin/env node
// The package's command: `npx samtykke scan <url>` (see docs/scan.md).
import { main } from '../scanner/cli.js';

/** Exits once both streams are written out: an idle keep-alive connection must not hold the command open. */
const exit = (/** @type {number} */ code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

main(process.argv.slice(2)).then(exit, (error) => {
  console.error('samtykke: unexpected error:', error);
  exit(2);
});
