// The editor's loop in a real browser: `areena serve` on a copy of the fixture site,
// a page open, files edited on disk. The page changes without a manual reload; a
// broken file puts its problems over the page; fixing it takes them away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from './harness.mjs';

const bin = process.env.AREENA_BIN;
const fixture = process.env.AREENA_FIXTURE;
let dir;
let child;
let base;
let browser;
const log = [];

function waitForLine(re, ms = 30000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line ${re} in:\n${log.join('')}`)), ms);
    const check = () => {
      const hit = log.join('').match(re);
      if (hit) { clearTimeout(timer); resolve(hit); } else setTimeout(check, 50);
    };
    check();
  });
}

before(async () => {
  assert.ok(bin && fixture, 'AREENA_BIN and AREENA_FIXTURE are set (run through cargo test)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'areena-live-'));
  fs.cpSync(fixture, dir, { recursive: true });
  child = spawn(bin, ['serve', '--port', '0', '--root', dir], { env: { ...process.env, AREENA_TODAY: '2026-11-23' } });
  child.stderr.on('data', (d) => log.push(d.toString()));
  const [, url] = await waitForLine(/serving .* at (http:\/\/\S+)/);
  base = url;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  child?.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Wait until the page's event stream is open: an edit from then on reaches it. */
const connected = (page) => page.waitForFunction(() => window.areenaLive === 'connected', null, { timeout: 10000 });

const org = () => path.join(dir, 'content/organisations/mantyrinteen-perhetupa.md');

test('an edit shows in the open page without a manual reload', async () => {
  const page = await browser.newPage();
  await page.goto(base + 'jarjestot/mantyrinteen-perhetupa/');
  const marker = await page.evaluate(() => { window.areenaMarker = 1; return window.areenaMarker; });
  assert.equal(marker, 1);
  await connected(page);
  const text = fs.readFileSync(org(), 'utf8').replace(/^short_name = .*$/m, 'short_name = "Tupa Uusi Nimi"');
  fs.writeFileSync(org(), text);
  await page.waitForFunction(() => document.body.innerText.includes('Tupa Uusi Nimi'), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.areenaMarker), undefined, 'the page reloaded by itself');
  await page.close();
});

test('a broken file shows its problems over the page until it is fixed', async () => {
  const page = await browser.newPage();
  await page.goto(base + 'jarjestot/');
  await connected(page);
  const good = fs.readFileSync(org(), 'utf8');
  fs.writeFileSync(org(), good.replace(/^themes = .*$/m, 'themes = ["eiole"]'));
  const overlay = page.locator('#areena-problems');
  await overlay.waitFor({ timeout: 30000 });
  const shown = await overlay.innerText();
  assert.match(shown, /content\/organisations\/mantyrinteen-perhetupa\.md:\d+:\d+/);
  assert.match(shown, /unknown-theme/);
  assert.match(shown, /Sivustoa ei voitu rakentaa/, 'in the site\'s language');
  assert.match(shown, /teemaa `eiole` ei ole tiedostossa content\/themes\.toml/, 'the message too');
  assert.doesNotMatch(shown, /there is no theme/, 'no English message');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'areena-problems', 'focus moves to it');
  assert.equal(await page.locator('h1').count() > 0, true, 'the last good page is underneath');
  await page.keyboard.press('Escape');
  assert.equal(await overlay.count(), 0, 'Escape closes it');
  // A new page load during the failure shows the problems at once.
  await page.reload();
  await overlay.waitFor({ timeout: 10000 });
  fs.writeFileSync(org(), good);
  await overlay.waitFor({ state: 'detached', timeout: 30000 });
  await page.close();
});

test('a stylesheet change swaps the stylesheet without a reload', async () => {
  const page = await browser.newPage();
  await page.goto(base + 'jarjestot/');
  await page.evaluate(() => { window.areenaMarker = 2; });
  await connected(page);
  const css = (await (await fetch(base + 'style.css')).text()) + '\nbody { outline: 3px solid rgb(1, 2, 3); }\n';
  fs.mkdirSync(path.join(dir, 'static'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'static/style.css'), css);
  await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)', null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.areenaMarker), 2, 'no reload');
  await page.close();
});
