// Search in a real browser: a resident's query, filters with counts, the address
// as the state, and keyboard use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { siteDir, useSite } from './harness.mjs';

// The sources of the fixture site, to take queries from what editors wrote.
const CONTENT = fileURLToPath(new URL('../fixtures/site/content/', import.meta.url));

/** An entry's front-matter text and body (Markdown), split at the `+++` lines. */
function entry(rel) {
  const src = fs.readFileSync(CONTENT + rel, 'utf8');
  const [, front, ...rest] = src.split(/^\+\+\+[ \t]*$/m);
  const name = /^(?:name|title) = "(.*)"$/m.exec(front)?.[1] ?? '';
  return { rel, src, front, body: rest.join('+++'), name };
}
const words = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const PREFIX = process.env.AREENA_PREFIX || '/jarjestot/';
const ctx = useSite({ before, after }, siteDir, PREFIX);

async function open(rel, width = 1280, watch = () => {}) {
  const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
  watch(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(ctx.server.base + rel);
  await page.waitForFunction(() => document.getElementById('search')?.classList.contains('search--ready'));
  return { page, errors };
}

async function titles(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent || '';
    return s && !s.includes('…');
  });
  return page.locator('#search-results .search-result__title').allInnerTexts();
}

/** Every result's title, pressing "show more" until all are on the page. */
async function allTitles(page) {
  let found = await titles(page);
  while (await page.locator('#search-more').isVisible()) {
    const n = found.length;
    await page.locator('#search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results .search-result__title').length > n, n);
    found = await titles(page);
  }
  return found;
}

test('an inflected Finnish word finds the base form (omaishoitajien → Omaishoitajien/Kyläomaishoitajien …)', async () => {
  const { page, errors } = await open('haku/?q=omaishoitajien');
  const found = await titles(page);
  assert.ok(found.length > 0, 'some results');
  assert.ok(found.slice(0, 5).some((t) => /omaishoit/i.test(t)), `an omaishoito organisation among the first: ${found}`);
  assert.equal(await page.locator('#search-q').inputValue(), 'omaishoitajien', 'the query is shown in the box');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a municipality name finds organisations acting there', async () => {
  const { page } = await open('haku/?q=Keuruu');
  const found = await titles(page);
  assert.ok(found.length >= 3, `${found}`);
  await page.close();
});

test('typing without umlauts still finds names with them', async () => {
  const { page } = await open('haku/?q=jyvaskyla');
  const found = await titles(page);
  assert.ok(found.length > 0, 'jyvaskyla finds Jyväskylä');
  await page.close();
});

test('a municipality filter narrows the results, shows counts and lives in the address', async () => {
  const { page } = await open('haku/?q=yhdistys');
  const before = await allTitles(page);
  const statusBefore = await page.locator('#search-status').innerText();
  // Open the municipality filter group and pick the first value with a count.
  const group = page.locator('.search-filter[data-filter="municipality"]');
  await group.locator('summary').click();
  const first = group.locator('label').first();
  const count = Number(await first.locator('.search-filter__count').innerText());
  assert.ok(count > 0, 'filter values carry counts');
  const value = await first.locator('input').getAttribute('value');
  await first.locator('input').check();
  await page.waitForURL(/municipality=/);
  const after = await allTitles(page);
  assert.ok(after.length > 0 && after.length <= before.length, `${before.length} → ${after.length}`);
  assert.notEqual(await page.locator('#search-status').innerText(), statusBefore, 'the announced count changes');
  assert.ok(decodeURIComponent(page.url()).includes(`municipality=${value}`.replace(/ /g, '+')) || page.url().includes(encodeURIComponent(value)), page.url());

  // The address round-trips: reload keeps query and filter.
  await page.reload();
  await page.waitForFunction(() => document.getElementById('search')?.classList.contains('search--ready'));
  assert.equal((await allTitles(page)).length, after.length);
  assert.ok(await page.locator(`.search-filter input[value="${value}"]`).isChecked());

  // The back button returns to the unfiltered search.
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('municipality='));
  assert.equal((await allTitles(page)).length, before.length);
  await page.close();
});

test('a municipality filter also brings the region-wide and nationwide organisations', async () => {
  const { page, errors } = await open('haku/?municipality=Multia');
  const found = await allTitles(page);
  for (const name of ['Multian Retkeily- ja Kotiseutuyhdistys Kaski ry', 'Keskimaan Liikuntapiiri ry', 'Suomen Lähiluontoliitto ry']) {
    assert.ok(found.includes(name), `${name} among ${found}`);
  }
  assert.ok(!found.includes('Mäntyrinteen Perhetupa ry'), 'an organisation of another municipality only is left out');
  // The group says what its counts mean.
  const group = page.locator('.search-filter[data-filter="municipality"]');
  assert.ok(await group.evaluate((d) => d.open), 'the chosen filter group is open');
  assert.match(await group.locator('.search-filter__note').innerText(), /maakunnassa/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: skip link, main navigation, search box, first result — with visible focus', async () => {
  const { page } = await open('haku/', 360);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName, id: el.id, href: el.getAttribute('href'), inNav: !!el.closest('nav'),
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== 'none',
    };
  });
  await page.keyboard.press('Tab');
  const first = await focused();
  assert.equal(first.href, '#main', 'the skip link comes first');
  assert.ok(first.visible, 'the skip link shows focus');
  let sawNav = false;
  let atBox = false;
  let opened = false;
  for (let i = 0; i < 40 && !atBox; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (f.tag === 'SUMMARY' && !opened) {
      // On a phone the navigation is behind the menu button: open it with Enter.
      assert.ok(f.visible, 'focus is visible on the menu button');
      await page.keyboard.press('Enter');
      opened = true;
    }
    if (f.inNav && f.tag === 'A') {
      sawNav = true;
      assert.ok(f.visible, `focus is visible on ${f.href}`);
    }
    atBox = f.id === 'search-q';
  }
  assert.ok(sawNav, 'the main navigation is reachable by Tab');
  assert.ok(atBox, 'the search box is reachable by Tab');
  assert.ok((await focused()).visible, 'the search box shows focus');
  await page.keyboard.type('kylä');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=kyl/);
  assert.ok((await titles(page)).length > 0);
  // Tab on until the first result link.
  let atResult = false;
  for (let i = 0; i < 80 && !atResult; i++) {
    await page.keyboard.press('Tab');
    atResult = await page.evaluate(() => document.activeElement?.closest('.search-result__title') !== null);
  }
  assert.ok(atResult, 'the first result is reachable by Tab');
  assert.ok((await focused()).visible, 'the result link shows focus');
  await Promise.all([page.waitForURL((u) => !u.pathname.includes('/haku/')), page.keyboard.press('Enter')]);
  assert.ok(!page.url().includes('/haku/'), `Enter follows the result: ${page.url()}`);
  await page.close();
});

test('search results are links to the pages found', async () => {
  const { page } = await open('haku/?q=perhetupa');
  await titles(page);
  const first = page.locator('#search-results .search-result__title a').first();
  const href = await first.getAttribute('href');
  const title = await first.innerText();
  assert.ok(href.startsWith(PREFIX), href);
  const found = await titles(page);
  assert.ok(found.slice(0, 3).includes('Mäntyrinteen Perhetupa ry'), `the organisation named so is among the first: ${found}`);
  await first.click();
  await page.waitForLoadState();
  assert.equal(await page.locator('h1').innerText(), title, 'the link opens the page of the result');
  await page.close();
});

test('full text: a word from the end of a long description, inflected, finds its organisation', async () => {
  const org = entry('organisations/hankasalmen-mielen-omaiset.md');
  const body = words(org.body);
  const at = body.findIndex((w) => w.startsWith('sopeutumisvalmennuskurss'));
  // The word is far into the description (beyond what a short excerpt would index).
  assert.ok(at > 40 && body.length - at < 15, `word ${at} of ${body.length}`);
  // The query is an inflected form that the content does not contain word for word.
  const query = 'sopeutumisvalmennuskurssille';
  for (const f of fs.readdirSync(CONTENT, { recursive: true })) {
    if (String(f).endsWith('.md')) assert.ok(!fs.readFileSync(CONTENT + f, 'utf8').toLowerCase().includes(query), f);
  }
  const { page, errors } = await open('haku/?q=' + query);
  const found = await allTitles(page);
  assert.ok(found.includes(org.name), `${org.name} among ${found}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a name match ranks above a match in the description of another entry', async () => {
  // Pairs taken from the content: a word of one organisation's name that another
  // organisation or network uses only in its description.
  const dir = (d) => fs.readdirSync(CONTENT + d).filter((f) => f.endsWith('.md')).map((f) => entry(d + f));
  const orgs = dir('organisations/');
  const all = [...orgs, ...dir('networks/')];
  const pairs = [];
  for (const a of orgs) {
    for (const w of new Set(words(a.name))) {
      if (w.length < 7) continue;
      const b = all.find((e) => e !== a && words(e.body).includes(w) && !words(e.front).includes(w));
      if (b && !pairs.some((p) => p.w === w)) pairs.push({ w, a, b });
    }
  }
  assert.ok(pairs.length >= 2, `pairs from the content: ${pairs.map((p) => p.w)}`);
  for (const { w, a, b } of pairs.slice(0, 6)) {
    const { page } = await open('haku/?q=' + encodeURIComponent(w));
    const found = await allTitles(page);
    const ia = found.indexOf(a.name);
    const ib = found.indexOf(b.name);
    assert.ok(ia >= 0, `${w}: ${a.name} found (${found})`);
    assert.ok(ib < 0 || ia < ib, `${w}: the name match ${a.name} (${ia}) ranks above ${b.name} (${ib}): ${found}`);
    await page.close();
  }
});

test('every organisation is searchable, whatever the number of parts the index is made of', async () => {
  const { organisations: orgs } = await (await fetch(ctx.server.base + 'data/organisations.json')).json();
  const { page, errors } = await open('haku/');
  const group = page.locator('.search-filter[data-filter="type"]');
  await group.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('.search-filter[data-filter="type"] .search-filter__count'));
  const labels = group.locator('label');
  const counts = [];
  for (let i = 0; i < (await labels.count()); i++) {
    counts.push(Number(await labels.nth(i).locator('.search-filter__count').innerText()));
  }
  const at = counts.indexOf(orgs.length);
  assert.ok(at >= 0, `the type filter counts every organisation (${orgs.length}): ${counts}`);
  await labels.nth(at).locator('input').check();
  await page.waitForURL(/type=/);
  await titles(page);
  const shown = await page.locator('#search-status').innerText();
  assert.ok(shown.includes(String(orgs.length)), `${orgs.length} results announced: ${shown}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an organisation found in search shows its phone and email as links', async () => {
  const org = entry('organisations/mantyrinteen-perhetupa.md');
  const phone = /^phone = "(.*)"$/m.exec(org.front)[1];
  const email = /^email = "(.*)"$/m.exec(org.front)[1];
  const { page, errors } = await open('haku/?q=' + encodeURIComponent(org.name));
  await titles(page);
  const result = page.locator('.search-result', { has: page.locator('.search-result__title', { hasText: org.name }) }).first();
  const links = await result.locator('.search-result__contact a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.deepEqual(links, [['tel:' + phone.replace(/[^0-9+]/g, ''), phone], ['mailto:' + email, email]]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a theme typed in search lists organisations before meeting notes', async () => {
  const themes = [...fs.readFileSync(CONTENT + 'themes.toml', 'utf8').matchAll(/^name = "(.*)"$/gm)].map((m) => m[1]);
  assert.ok(themes.length >= 4, `${themes}`);
  for (const name of themes.slice(0, 8)) {
    const { page } = await open('haku/?q=' + encodeURIComponent(name));
    await titles(page);
    const hrefs = await page.locator('#search-results .search-result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    if (hrefs.length) {
      assert.ok(!/kumppanuuspoydat\/[^/]+\/[^/]+\/$/.test(hrefs[0]), `${name}: a meeting note first: ${hrefs.slice(0, 5)}`);
    }
    await page.close();
  }
});

test('upcoming events are found in search, past ones are not', async () => {
  const today = '2026-11-23'; // AREENA_TODAY of the browser build
  const events = fs.readdirSync(CONTENT + 'events').filter((f) => f.endsWith('.md')).map((f) => {
    const e = entry('events/' + f);
    const start = /^start = (\d{4}-\d{2}-\d{2})/m.exec(e.front)[1];
    const end = /^end = (\d{4}-\d{2}-\d{2})/m.exec(e.front)?.[1] ?? start;
    return { title: e.name, last: end };
  });
  const upcoming = events.filter((e) => e.last >= today);
  const past = events.filter((e) => e.last < today);
  assert.ok(upcoming.length && past.length, 'the fixture has both');
  for (const [list, found] of [[upcoming.slice(0, 3), true], [past.slice(0, 2), false]]) {
    for (const e of list) {
      const { page } = await open('haku/?q=' + encodeURIComponent(e.title));
      const titles_ = await allTitles(page);
      assert.equal(titles_.includes(e.title), found, `${e.title} (${e.last}) ${found ? 'found' : 'not found'}: ${titles_}`);
      await page.close();
    }
  }
});

/** Every source file of the fixture's content, lower-cased. */
function allContent() {
  return fs.readdirSync(CONTENT, { recursive: true })
    .filter((f) => /\.(md|toml)$/.test(String(f)))
    .map((f) => [String(f), fs.readFileSync(CONTENT + f, 'utf8').toLowerCase()]);
}

test('inflected forms that occur nowhere in the content find the organisation by stemming', async () => {
  // A form with another case ending than any text of the site: only the Finnish
  // stemmer joins it to the name.
  const cases = [
    ['kuntoilijoille', 'organisations/kirkkoharjun-kuntoilijat.md'],
    ['melojille', 'organisations/koskenniskan-melojat.md'],
    ['luontokuvaajille', 'organisations/pihtiputaan-seudun-luontokuvaajat.md'],
  ];
  const content = allContent();
  for (const [query, rel] of cases) {
    for (const [f, text] of content) assert.ok(!text.includes(query), `${query} occurs in ${f}: the test needs a form the content lacks`);
    const org = entry(rel);
    const { page, errors } = await open('haku/?q=' + query);
    const found = await titles(page);
    assert.equal(found[0], org.name, `${query}: ${org.name} first, found ${found}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a municipality typed in search lists its local organisations, then the region-wide, then the nationwide', async () => {
  const orgs = fs.readdirSync(CONTENT + 'organisations').filter((f) => f.endsWith('.md')).map((f) => entry('organisations/' + f))
    .filter((o) => !/^draft = true$/m.test(o.front));
  const list = (o, key) => JSON.parse(new RegExp(`^${key} = (\\[.*\\])$`, 'm').exec(o.front)?.[1] ?? '[]');
  for (const municipality of ['Keuruu', 'Multia']) {
    const kind = (o) => {
      if (list(o, 'municipalities').includes(municipality)) return 0;
      if (list(o, 'regions').includes('Keski-Suomi')) return 1;
      if (/^nationwide = true$/m.test(o.front)) return 2;
      return -1;
    };
    const expected = orgs.filter((o) => kind(o) >= 0);
    assert.ok([0, 1, 2].every((k) => expected.some((o) => kind(o) === k)), `${municipality}: the fixture has all three`);
    const { page, errors } = await open('haku/?q=' + municipality);
    const found = await allTitles(page);
    const ranks = found.map((t) => orgs.find((o) => o.name === t)).filter(Boolean).map(kind);
    for (const o of expected) assert.ok(found.includes(o.name), `${municipality}: ${o.name} found in ${found}`);
    const sorted = [...ranks].sort((a, b) => a - b);
    assert.deepEqual(ranks, sorted, `${municipality}: local (0), region-wide (1), nationwide (2) in order: ${found.join(' | ')}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a municipality filter gives exactly its organisations, the region-wide and the nationwide ones, for every municipality', async () => {
  // The index splits the municipality filter into groups by a hash of the name, and a
  // part of the index may hold no record of a group: every municipality is checked.
  const orgs = fs.readdirSync(CONTENT + 'organisations').filter((f) => f.endsWith('.md')).map((f) => entry('organisations/' + f))
    .filter((o) => !/^draft = true$/m.test(o.front));
  const list = (o, key) => JSON.parse(new RegExp(`^${key} = (\\[.*\\])$`, 'm').exec(o.front)?.[1] ?? '[]');
  // Each municipality's region, from the list areena ships (the fixture has no list of its own).
  const regionOf = Object.fromEntries(fs.readFileSync(new URL('../../data/municipalities.tsv', import.meta.url), 'utf8')
    .trim().split('\n').slice(1).map((line) => line.split('\t')).map((c) => [c[1], c[4]]));
  const municipalities = [...new Set(orgs.flatMap((o) => list(o, 'municipalities')))].sort();
  assert.ok(municipalities.length >= 10, `${municipalities}`);
  // An index in parts: a search with a municipality downloads only the parts that
  // parts.json names for it (and its region's and the nationwide records' parts).
  const mapFile = `${siteDir()}/pagefind/parts.json`;
  const map = fs.existsSync(mapFile) ? JSON.parse(fs.readFileSync(mapFile, 'utf8')) : null;
  let fewer = 0;
  for (const m of municipalities) {
    assert.ok(regionOf[m], `${m} is in data/municipalities.tsv`);
    const expected = orgs.filter((o) => list(o, 'municipalities').includes(m) || list(o, 'regions').includes(regionOf[m]) || /^nationwide = true$/m.test(o.front))
      .map((o) => o.name).sort();
    const parts = new Set();
    const { page, errors } = await open(`haku/?municipality=${encodeURIComponent(m)}&type=J%C3%A4rjest%C3%B6`, 1280, (p) => p.on('request', (r) => {
      const n = /\/pagefind\/part-(\d+)\//.exec(r.url())?.[1];
      if (n) parts.add(Number(n));
    }));
    const found = (await allTitles(page)).sort();
    assert.deepEqual(found, expected, m);
    if (map) {
      const needed = new Set([...(map.municipalities[m] || []), ...(map.wide['*'] || []), ...(map.wide[regionOf[m]] || [])]);
      for (const p of parts) assert.ok(needed.has(p), `${m}: part ${p} downloaded, not needed by ${[...needed]}`);
      if (parts.size < map.parts - 1) fewer++;
    }
    // The group lists the chosen municipality, checked, with its count; the others
    // load on request.
    const group = page.locator('.search-filter[data-filter="municipality"]');
    assert.ok(await group.locator(`input[value="${m}"]`).isChecked(), m);
    assert.equal(await group.locator('label').count(), 1, `${m}: only the chosen municipality before the rest is loaded`);
    await group.locator('.search-filter__all').click();
    await page.waitForFunction(() => document.querySelectorAll('.search-filter[data-filter="municipality"] label').length > 1);
    assert.equal(await group.locator('.search-filter__all').count(), 0, 'the button goes once all are loaded');
    // Every municipality's count comes from every part.
    if (map) assert.equal(parts.size, map.parts - 1, `${m}: every part once all municipalities are listed`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  if (map) assert.ok(fewer > 0, 'some municipality needs fewer parts than all');
});

test('an address naming a municipality like a property of every object still searches', async () => {
  for (const m of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const { page, errors } = await open(`haku/?municipality=${encodeURIComponent(m)}`);
    await titles(page);
    const status = await page.locator('#search-status').innerText();
    assert.ok(status.trim() && !/…/.test(status), `${m}: the search answered: ${status}`);
    assert.notEqual(status, await page.locator('#search').getAttribute('data-failed'), `${m}: ${status}`);
    assert.deepEqual(errors, [], m);
    await page.close();
  }
});

test('a name with a letter Pagefind does not fold (ø) is found typed in plain letters', async () => {
  // Pagefind folds what Unicode decomposes (ä → a, ö → o, å → a: `jyvaskyla` finds
  // Jyväskylä by itself); ø, æ, ß and ł have no decomposition, and only areena's own
  // folded forms of names make `kloverdal` find Kløverdal.
  assert.equal('ø'.normalize('NFD'), 'ø', 'ø does not decompose');
  assert.notEqual('ä'.normalize('NFD'), 'ä', 'ä decomposes');
  const org = entry('organisations/kloverdal-ystavaseura.md');
  assert.ok(org.name.includes('Kløverdal'));
  for (const [f, text] of allContent()) assert.ok(!text.includes('kloverdal'), `kloverdal occurs in ${f}`);
  const { page, errors } = await open('haku/?q=kloverdal');
  const found = await titles(page);
  assert.equal(found[0], org.name, `${found}`);
  assert.deepEqual(errors, []);
  await page.close();
});
