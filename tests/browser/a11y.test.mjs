// WCAG 2.1 A and AA with axe-core on every page type, at phone and desktop width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { searchDone, siteDir, useSite } from './harness.mjs';
import { PAGES, PREFIX } from './pages.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const ctx = useSite({ before, after }, siteDir, PREFIX);

async function violations(width, rel) {
  const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(ctx.server.base + rel);
  if (rel.includes('?q=')) {
    // Any site's own content: the search may find something or nothing.
    await page.waitForFunction(searchDone);
  }
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  await page.close();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// Both widths unless AREENA_A11Y_WIDTHS names fewer (the runs over the Swedish and
// English sites take one width each, to keep the whole run short).
const WIDTHS = (process.env.AREENA_A11Y_WIDTHS ?? '360,1280').split(',').map(Number);
assert.ok(WIDTHS.length && WIDTHS.every((w) => w >= 320), `AREENA_A11Y_WIDTHS: ${WIDTHS}`);

for (const width of WIDTHS) {
  test(`no WCAG 2.1 AA violations on any page type at ${width} px`, async () => {
    const found = {};
    for (const [name, rel] of PAGES) {
      const v = await violations(width, rel);
      if (v.length) found[name] = v;
    }
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
  });
}
