// The web editor under /admin/ (`[editing] cms = true`) in a real browser: Sveltia CMS
// starts from the vendored script with the configuration areena made, lists a collection
// for every content kind, and what it saves is content that `areena check` accepts.
//
// The build under test uses `backend = "test-repo"`: Sveltia CMS keeps the entries in
// the browser's own storage (the origin private file system), so nothing needs the
// network. Entries are read back from there and copied into a copy of the fixture site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useSite } from './harness.mjs';

const PREFIX = process.env.AREENA_PREFIX || '/jarjestot/';

function cmsDir() {
  const dir = process.env.AREENA_CMS_DIR;
  if (!dir || !fs.existsSync(path.join(dir, 'admin', 'index.html'))) {
    throw new Error('AREENA_CMS_DIR must name a site built with [editing] cms = true (run these tests through `cargo test`)');
  }
  return dir;
}

const ctx = useSite({ before, after }, cmsDir, PREFIX);

/** Open the editor and sign in to the test repository. */
async function openEditor() {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const scripts = [];
  const requests = [];
  page.on('request', (r) => {
    requests.push(r.url());
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const res = await page.goto(ctx.server.base + 'admin/');
  assert.equal(res.status(), 200);
  const html = await res.text();
  await page.getByRole('button', { name: /Test Repository/ }).click();
  await page.getByRole('tree', { name: 'Collection List' }).waitFor();
  return { page, errors, scripts, html, requests };
}

/** Every file the editor saved, by path, from the browser's private file system. */
function savedFiles(page) {
  return page.evaluate(async () => {
    const out = {};
    async function walk(dir, prefix) {
      for await (const [name, h] of dir.entries()) {
        if (h.kind === 'directory') await walk(h, `${prefix}${name}/`);
        else out[prefix + name] = await (await h.getFile()).text();
      }
    }
    await walk(await navigator.storage.getDirectory(), '');
    return out;
  });
}

/**
 * Fill a text field and wait until the editor has taken the value (the field holds it
 * and the preview shows it). Right after a new entry opens, the editor may build its
 * form once more and drop what was typed into the first one; the field is then filled
 * again (at most five times) before the test fails.
 */
async function fillTaken(page, field, value) {
  const shown = page.getByText(value, { exact: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    await field.fill(value);
    for (let i = 0; i < 10; i++) {
      if (await field.inputValue() === value && await shown.count() > 0) return;
      await page.waitForTimeout(100);
    }
  }
  assert.fail(`the editor did not take ${JSON.stringify(value)} into its entry`);
}

/**
 * Press Save and wait until the browser's storage holds `count` files; returns them.
 * On a loaded machine the first click can land before the editor has taken the last
 * field's value, so an unsaved entry gets the click again (at most three times); if it
 * never saves, the test fails with what the editor showed (a validation message, say).
 */
async function saveAndWait(page, count) {
  let files = {};
  for (let attempt = 0; attempt < 3 && Object.keys(files).length < count; attempt++) {
    const save = page.getByRole('button', { name: 'Save' });
    if (attempt === 0 || await save.isEnabled({ timeout: 2_000 }).catch(() => false)) {
      await save.click({ timeout: 10_000 }).catch(() => {});
    }
    for (let i = 0; i < 50 && Object.keys(files).length < count; i++) {
      await page.waitForTimeout(200);
      files = await savedFiles(page);
    }
  }
  if (Object.keys(files).length < count) {
    const shown = await page.locator('[role=alert], [aria-invalid=true], .validation, [role=status]')
      .allInnerTexts().catch(() => []);
    assert.fail(`the editor saved ${Object.keys(files).length} of ${count} files `
      + `(${Object.keys(files).join(', ')}); it showed: ${JSON.stringify(shown)}`);
  }
  return files;
}

test('the admin page is kept out of search engines and starts the vendored editor', async () => {
  const { page, errors, scripts, html, requests } = await openEditor();
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.doesNotMatch(html, /data-pagefind-body/, 'not indexed for search');
  assert.deepEqual(scripts.filter((u) => u.endsWith('.js')).slice(0, 1), [`${ctx.server.base}admin/sveltia-cms.js`],
    'the editor is loaded from the site itself');
  assert.deepEqual(errors, [], 'no script errors');
  // Its fonts (text and icons) come from the site too, never from a font server.
  await page.evaluate(() => document.fonts.ready);
  const fonts = requests.filter((u) => u.endsWith('.woff2'));
  assert.ok(fonts.length >= 1, 'the interface loads its fonts');
  assert.deepEqual(fonts.filter((u) => !u.startsWith(`${ctx.server.base}admin/fonts/`)), [], 'fonts from elsewhere');
  assert.ok(await page.evaluate(() => document.fonts.check('24px "Material Symbols Outlined"', 'add')), 'the icon font is loaded');
  await page.close();
});

test('the editor lists a collection for every content kind, with the site\'s labels', async () => {
  const { page } = await openEditor();
  const items = await page.getByRole('tree', { name: 'Collection List' }).getByRole('treeitem').allInnerTexts();
  const names = items.map((t) => t.replace(/\s*\d+\s*$/, '').replace(/^\S*bookmark_manager\s*/, '').trim());
  assert.deepEqual(names, [
    'Järjestöt',
    'Verkostot',
    'Kumppanuuspöydät',
    'Muistiot: Hyvinvointialueen järjestöpöytä',
    'Muistiot: Maakunnan ja järjestöjen kumppanuuspöytä',
    'Tapahtumat',
    'Sivut',
  ]);
  await page.close();
});

test('the editor finds the fixture site\'s own files in the right collections', async () => {
  // The fixture's content/ put where the test repository keeps its files, as a
  // clone of the site's repository would be.
  const fixture = process.env.AREENA_FIXTURE;
  const files = {};
  for (const rel of fs.readdirSync(path.join(fixture, 'content'), { recursive: true })) {
    const full = path.join(fixture, 'content', rel);
    if (fs.statSync(full).isFile()) files[`content/${rel}`] = fs.readFileSync(full, 'utf8');
  }
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(ctx.server.base + 'admin/');
  await page.evaluate(async (all) => {
    let root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', { create: true });
    for (const [rel, text] of Object.entries(all)) {
      const parts = rel.split('/');
      let dir = root;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const w = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
    root = null;
  }, files);
  await page.reload();
  await page.getByRole('button', { name: /Test Repository/ }).click();
  const tree = page.getByRole('tree', { name: 'Collection List' });
  await tree.waitFor();
  const count = (re) => Object.keys(files).filter((p) => re.test(p)).length;
  const expected = {
    'Järjestöt': count(/^content\/organisations\/[^/.]+\.md$/),
    'Verkostot': count(/^content\/networks\/[^/.]+\.md$/),
    'Kumppanuuspöydät': count(/^content\/partnership-tables\/[^/]+\/index\.md$/),
    'Muistiot: Maakunnan ja järjestöjen kumppanuuspöytä': count(/^content\/partnership-tables\/maakunnan-kumppanuuspoyta\/\d{4}-[^/.]+\.md$/),
    'Tapahtumat': count(/^content\/events\/[^/.]+\.md$/),
    'Sivut': count(/^content\/pages\/[^/.]+\.md$/),
  };
  assert.ok(expected['Kumppanuuspöydät'] === 2 && expected['Muistiot: Maakunnan ja järjestöjen kumppanuuspöytä'] > 1);
  for (const [label, n] of Object.entries(expected)) {
    const item = tree.getByRole('treeitem', { name: label, exact: true });
    // The counts fill in as the files are read.
    let text = '';
    for (let i = 0; i < 50 && !new RegExp(`\\b${n}$`).test(text); i++) {
      if (i) await page.waitForTimeout(200);
      text = (await item.innerText()).trim();
    }
    assert.match(text, new RegExp(`\\b${n}$`), `${label}: ${n} entries`);
  }
  await page.close();
});

test('what the editor saves is content that areena check accepts', async () => {
  const { page } = await openEditor();
  // An organisation: name, a theme and a municipality from the site's own lists.
  await page.getByRole('button', { name: 'Create New Entry' }).first().click();
  await fillTaken(page, page.getByRole('textbox', { name: 'Nimi', exact: true }), 'Keuruun Testiseura ry');
  await page.getByRole('combobox', { name: 'Teemat' }).click();
  await page.getByRole('option', { name: 'Omaishoito' }).click();
  await page.getByRole('combobox', { name: 'Kunnat' }).click();
  await page.getByRole('option', { name: 'Keuruu', exact: true }).click();
  await fillTaken(page, page.getByRole('textbox', { name: 'Y-tunnus' }), '1234567-1');
  await saveAndWait(page, 1);
  // An event: its file name starts with the start date.
  await page.evaluate(() => { window.location.hash = '#/collections/events/new'; });
  await fillTaken(page, page.getByRole('textbox', { name: 'Otsikko', exact: true }), 'Syksyn kylätori');
  await page.locator('input[type=datetime-local]').first().fill('2026-12-01T10:00');
  await page.getByRole('combobox', { name: 'Järjestäjät' }).click();
  await page.getByRole('option', { name: 'Multian Retkeily- ja Kotiseutuyhdistys Kaski ry' }).click();
  await page.getByRole('combobox', { name: 'Kunta', exact: true }).click();
  await page.getByRole('option', { name: 'Multia', exact: true }).click();
  const files = await saveAndWait(page, 2);
  await page.close();
  const saved = Object.entries(files).map(([p, text]) => [p.replace(/^[^/]+\//, ''), text]);
  const paths = saved.map(([p]) => p).sort();
  assert.equal(paths.length, 2, `two files saved: ${paths}`);
  assert.match(paths[0], /^content\/events\/2026-12-01-[a-z0-9-]+\.md$/);
  assert.equal(paths[1], 'content/organisations/keuruun-testiseura-ry.md');
  for (const [, text] of saved) assert.match(text, /^\+\+\+\n[\s\S]*\n\+\+\+\n/, 'TOML front matter between +++ lines');

  // Into a copy of the fixture site, then `areena check`.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'areena-cms-'));
  try {
    fs.cpSync(process.env.AREENA_FIXTURE, copy, { recursive: true });
    for (const [rel, text] of saved) fs.writeFileSync(path.join(copy, rel), text);
    let out = '';
    try {
      out = execFileSync(process.env.AREENA_BIN, ['check', '--root', copy, '--format', 'json'],
        { env: { ...process.env, AREENA_TODAY: '2026-11-23' }, encoding: 'utf8' });
    } catch (e) {
      assert.fail(`areena check failed on what the editor saved:\n${e.stdout}\n${saved.map(([p, t]) => `${p}:\n${t}`).join('\n')}`);
    }
    const errors = out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
