// The fixture site (tests/fixtures/site) in a real browser: visible content, phone and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { siteDir, screenshotDir, useSite } from './harness.mjs';
import { PAGES } from './pages.mjs';

const PREFIX = process.env.AREENA_PREFIX || '/jarjestot/';
const ctx = useSite({ before, after }, siteDir, PREFIX);


async function open(width, rel) {
  const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const res = await page.goto(ctx.server.base + rel);
  return { page, res, errors };
}

for (const width of [360, 1280]) {
  test(`every page type renders without errors and without sideways scrolling at ${width} px`, async () => {
    const shots = screenshotDir();
    for (const [name, rel] of PAGES) {
      const { page, errors } = await open(width, rel);
      if (rel.includes('?q=')) {
        await page.waitForFunction(() => (document.getElementById('search-results')?.children.length || 0) > 0);
      }
      assert.equal(await page.locator('h1').count(), 1, `${name}: exactly one h1`);
      assert.ok(await page.locator('h1').isVisible(), `${name}: h1 visible`);
      assert.ok(await page.locator('main').isVisible(), `${name}: main visible`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: page scrolls sideways by ${overflow} px at ${width} px`);
      // The not-found page is served with status 404, which the console reports.
      const real = name === 'not-found' ? errors.filter((e) => !e.includes('404')) : errors;
      assert.deepEqual(real, [], `${name}: console errors`);
      await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
      await page.close();
    }
  });
}

test('front page shows the directory: title, themes, municipalities, latest notes', async () => {
  const { page, res } = await open(1280, '');
  assert.equal(res.status(), 200);
  assert.match(await page.locator('h1').innerText(), /Keski-Suomen järjestöt/);
  const main = await page.locator('main').innerText();
  assert.match(main, /Omaishoito/);
  assert.match(main, /Keuruu/);
  assert.ok(await page.locator('main a[href*="/kumppanuuspoydat/"]').count() > 0, 'links to meeting notes');
  const search = page.getByRole('search');
  assert.ok(await search.count() > 0, 'a search landmark');
  await page.close();
});

test('an organisation page shows its name, themes and municipalities as links, and its contacts', async () => {
  const { page } = await open(360, 'jarjestot/mantyrinteen-perhetupa/');
  assert.match(await page.locator('h1').innerText(), /Mäntyrinteen Perhetupa/);
  const themeLinks = page.locator('main a[href*="/teemat/"]');
  assert.ok(await themeLinks.count() > 0);
  assert.ok(await themeLinks.first().isVisible());
  assert.ok(await page.locator('main a[href*="/kunnat/"]').count() > 0);
  assert.ok(await page.locator('main a[href^="mailto:"]').count() > 0, 'email as a link');
  await page.close();
});

test('the coverage table scrolls inside its own box on a phone, with counts and marked gaps', async () => {
  const { page } = await open(360, 'kattavuus/');
  const table = page.locator('main table');
  assert.ok(await table.isVisible());
  const box = await page.evaluate(() => {
    const t = document.querySelector('main table');
    let el = t.parentElement;
    while (el && getComputedStyle(el).overflowX !== 'auto' && getComputedStyle(el).overflowX !== 'scroll') el = el.parentElement;
    return el ? { scroll: el.scrollWidth, client: el.clientWidth } : null;
  });
  assert.ok(box, 'the table sits in a scrolling box');
  assert.ok(box.scroll > box.client, 'the box scrolls sideways on a phone');
  const cells = await page.locator('main table tbody td a').count();
  assert.ok(cells > 10, 'cells link to the matching organisations');
  await page.close();
});
