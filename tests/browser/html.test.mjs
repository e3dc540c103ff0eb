// Valid HTML: the Nu HTML Checker (npm vnu-jar, run with the machine's Java) over
// every HTML page of the built site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { siteDir } from './harness.mjs';

const require = createRequire(import.meta.url);

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

test('every page is valid HTML (Nu HTML Checker)', () => {
  const vnu = require('vnu-jar');
  const files = htmlFiles(siteDir());
  const min = Number(process.env.AREENA_MIN_PAGES ?? 50);
  assert.ok(files.length >= min, `pages found: ${files.length}`);
  let report;
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    report = { messages: [] };
  } catch (e) {
    // vnu exits non-zero when it finds errors and writes the JSON report to stderr.
    const text = String(e.stderr || '');
    try { report = JSON.parse(text); } catch { throw new Error(`vnu failed: ${text || e}`); }
  }
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${path.relative(siteDir(), new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, [], errors.slice(0, 30).join('\n'));
  console.log(`vnu: ${files.length} pages checked, ${errors.length} errors`);
});
