// A resident on a phone (360×800): a compact header with the menu behind one button,
// the first search result and the front page's question above the fold, tap targets
// a thumb can hit, and "omaishoito in Keuruu" within three taps of the front page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { siteDir, useSite, screenshotDir } from './harness.mjs';

const PREFIX = process.env.AREENA_PREFIX || '/jarjestot/';
const ctx = useSite({ before, after }, siteDir, PREFIX);
const PHONE = { width: 360, height: 800 };

async function open(rel, opts = {}) {
  const context = await ctx.browser.newContext({ viewport: PHONE, ...opts });
  const page = await context.newPage();
  await page.goto(ctx.server.base + rel);
  return { page, context };
}

const PAGES = ['', 'kunnat/keuruu/', 'jarjestot/mantyrinteen-perhetupa/', 'haku/', 'teemat/omaishoito/', 'tapahtumat/'];

test('the header is at most 120 px tall on a phone, with the menu behind one button', async () => {
  for (const rel of PAGES) {
    const { page, context } = await open(rel);
    const h = await page.locator('header.site-header').evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(h <= 120, `${rel || '/'}: header ${h} px`);
    const button = page.locator('#phone-menu summary');
    assert.ok(await button.isVisible(), `${rel}: a menu button`);
    assert.equal((await button.innerText()).trim().length > 0, true, 'the button has a name');
    assert.ok(!(await page.locator('.site-nav').isVisible()), `${rel}: the wide navigation is hidden`);
    const box = await button.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `${rel}: the button is a tap target (${box.width}×${box.height})`);
    await context.close();
  }
});

test('the menu opens, is usable by keyboard, and Escape closes it', async () => {
  const { page, context } = await open('kunnat/keuruu/');
  const links = page.locator('#phone-menu nav a');
  assert.ok(!(await links.first().isVisible()), 'closed at first');
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // site title
  await page.keyboard.press('Tab'); // the menu button
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
  await page.keyboard.press('Enter');
  assert.ok(await links.first().isVisible(), 'open after Enter');
  const current = page.locator('#phone-menu nav a[aria-current="page"]');
  assert.equal(await current.count(), 1, 'the current section is marked');
  for (let i = 0; i < (await links.count()); i++) {
    const b = await links.nth(i).boundingBox();
    assert.ok(b.height >= 44, `menu link ${i} is ${b.height} px tall`);
  }
  await page.keyboard.press('Tab'); // into the menu: the search box first
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'menu-q');
  await page.keyboard.press('Escape');
  assert.ok(!(await links.first().isVisible()), 'closed after Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY', 'focus back on the button');
  await context.close();
});

test('without JavaScript the menu still opens', async () => {
  const { page, context } = await open('', { javaScriptEnabled: false });
  await page.locator('#phone-menu summary').click();
  assert.ok(await page.locator('#phone-menu nav a').first().isVisible());
  await context.close();
});

test('the first search result is above the fold, the filters behind one button', async () => {
  const { page, context } = await open('haku/?q=yhdistys');
  await page.waitForFunction(() => document.querySelector('#search-results li'));
  const top = await page.locator('#search-results li').first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top < PHONE.height - 60, `first result at ${top} px`);
  const box = page.locator('#search-filters-box');
  assert.ok(!(await box.evaluate((d) => d.open)), 'filters folded on a phone');
  await box.locator(':scope > summary').click();
  assert.ok(await page.locator('.search-filter').first().isVisible(), 'the filters open');
  await context.close();
  // On a wide screen they are open.
  const wide = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await wide.goto(ctx.server.base + 'haku/?q=yhdistys');
  await wide.waitForFunction(() => document.querySelector('#search-results li'));
  assert.ok(await wide.locator('#search-filters-box').evaluate((d) => d.open));
  await wide.close();
});

test('the front page asks what and where above the fold', async () => {
  const { page, context } = await open('');
  const finder = await page.locator('form.finder').boundingBox();
  assert.ok(finder && finder.y < PHONE.height, `the form starts at ${finder?.y}`);
  for (const sel of ['#finder-theme', '#finder-municipality', 'form.finder button']) {
    const b = await page.locator(sel).boundingBox();
    assert.ok(b.height >= 44, `${sel} is ${b.height} px tall`);
  }
  await context.close();
});

test('omaishoito in Keuruu in three taps from the front page, results on screen', async () => {
  const { page, context } = await open('');
  // Tap 1: where do you live.
  await page.locator('section[aria-labelledby="home-where"] a', { hasText: 'Keuruu' }).first().click();
  await page.waitForURL(/kunnat\/keuruu\/$/);
  // Tap 2: the theme chip.
  await page.locator('.chips a', { hasText: 'Omaishoito' }).click();
  await page.waitForURL(/kunnat\/keuruu\/omaishoito\/$/);
  // Local ones as cards; region-wide and nationwide ones as a list of names.
  const listed = page.locator('main .org-card, main .org-links > li');
  assert.ok((await listed.count()) > 0, 'organisations listed');
  const first = await listed.first().evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(first < PHONE.height, `the first organisation at ${first} px, on screen without scrolling`);
  // Every card has omaishoito among its themes.
  const cards = page.locator('main .org-card');
  const themes = await cards.evaluateAll((cs) => cs.map((c) => [...c.querySelectorAll('.tag')].map((t) => t.textContent)));
  assert.ok(themes.every((ts) => ts.includes('Omaishoito')), `${themes}`);
  // A listed name leads to its page, with the contact details there.
  await page.locator('main .org-card__name, main .org-links__name').first().click();
  await page.waitForURL(/jarjestot\/[^/]+\/$/);
  assert.ok(await page.locator('h1').isVisible());
  await context.close();
});

test('a municipality page lists each organisation once', async () => {
  const { page, context } = await open('kunnat/jyvaskyla/');
  const hrefs = await page.locator('main .org-card__name, main .org-links__name').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0);
  assert.equal(new Set(hrefs).size, hrefs.length, `each once: ${hrefs}`);
  await context.close();
});

test('screenshots of the changed page kinds at phone and wide widths', async () => {
  const dir = screenshotDir();
  for (const [name, rel] of [['front', ''], ['municipality', 'kunnat/keuruu/'], ['organisation', 'jarjestot/mantyrinteen-perhetupa/'], ['search', 'haku/?q=omaishoito'], ['events', 'tapahtumat/'], ['seeking', 'jarjestot/etsii-vapaaehtoisia/'], ['municipality-theme', 'kunnat/keuruu/omaishoito/'], ['event', 'tapahtumat/2026-11-28-omaishoitajien-joulukahvit/']]) {
    for (const [w, h] of [[360, 800], [1280, 900]]) {
      const page = await ctx.browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(ctx.server.base + rel);
      if (rel.startsWith('haku')) await page.waitForFunction(() => document.querySelector('#search-results li'));
      await page.screenshot({ path: path.join(dir, `${name}-${w}.png`), fullPage: false });
      await page.close();
    }
  }
});

test('no text runs out of its box, at a phone width or a wide one', async () => {
  const rels = ['', 'teemat/', 'teemat/vapaaehtoistoiminta/', 'kunnat/', 'kunnat/keuruu/', 'kunnat/keuruu/omaishoito/', 'kattavuus/',
    'jarjestot/', 'jarjestot/mantyrinteen-perhetupa/', 'tapahtumat/', 'haku/?q=yhdistys&theme=Vapaaehtoistoiminta'];
  for (const width of [360, 1280]) {
    for (const rel of rels) {
      const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(ctx.server.base + rel);
      if (rel.startsWith('haku')) await page.waitForFunction(() => document.querySelector('#search-results li'));
      const bad = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('main *')) {
          if (el.children.length === 0 && el.textContent.trim() && el.clientWidth > 0
            && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') {
            out.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"`);
          }
        }
        if (document.documentElement.scrollWidth > window.innerWidth) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
        return out;
      });
      assert.deepEqual(bad, [], `${rel || '/'} at ${width} px`);
      await page.close();
    }
  }
});

test('a municipality page prints as a handout: the date, every card with its contacts, no controls', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 800, height: 1100 } });
  await page.goto(ctx.server.base + 'kunnat/jyvaskyla/');
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-only');
  assert.ok(await printed.isVisible(), 'the date line is printed');
  assert.match(await printed.innerText(), /\d{1,2}\.\d{1,2}\.\d{4}/);
  assert.ok(!(await page.locator('.chips').isVisible()), 'no theme chips on paper');
  assert.ok(!(await page.locator('#phone-menu').isVisible()), 'no menu on paper');
  const cards = await page.locator('main .org-card').evaluateAll((cs) => cs.map((c) => ({
    name: c.querySelector('.org-card__name')?.textContent,
    contact: [...c.querySelectorAll('.org-card__contact a')].map((a) => a.offsetParent !== null && a.textContent.trim()),
  })));
  assert.ok(cards.length > 0);
  for (const c of cards) assert.ok(c.contact.every(Boolean), `${c.name}: its contacts are printed`);
  assert.ok(cards.some((c) => c.contact.length > 0), 'contacts appear on the handout');
  await page.close();
});
