// How much one search downloads, in a fresh browser profile: open the search page
// of a built site with a query and a municipality filter, and add up every response
// body. Usage: node bench/search-size.mjs SITE_DIR [query] [municipality] [prefix]
// FLOW=address (default): the search page opens with both in its address, as the
// front page's finder sends them. FLOW=typed: the page opens empty, the query is
// typed, then the municipality group is opened (which loads every municipality's
// count) and the municipality ticked.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { serve, launch } from '../tests/browser/harness.mjs';

const ADDRESS = (process.env.FLOW || 'address') === 'address';
const [dir, q = 'omaishoitajien vertaistuki', municipality = 'Jyväskylä', prefix = '/'] = process.argv.slice(2);
if (!dir || !fs.existsSync(`${dir}/index.html`)) {
  console.error('usage: node bench/search-size.mjs SITE_DIR [query] [municipality] [prefix]');
  process.exit(2);
}
const server = await serve(dir, prefix);
const browser = await launch(); // a new, empty profile every time
const page = await browser.newPage();
const sizes = [];
page.on('response', async (res) => {
  try {
    const body = await res.body();
    // What a host that compresses text (GitHub Pages, GitLab Pages, a web server with
    // gzip on) sends: HTML, CSS, JavaScript and JSON gzipped; Pagefind's own files
    // (.pf_*, the WebAssembly) are gzipped already and go as they are.
    const type = res.headers()['content-type'] || '';
    const text = /text\/|javascript|json|xml|svg/.test(type);
    const gzip = text ? zlib.gzipSync(body, { level: 6 }).length : body.length;
    sizes.push({ url: new URL(res.url()).pathname, bytes: body.length, gzip });
  } catch { /* redirects have no body */ }
});
if (ADDRESS) {
  // As from the front page's finder or a municipality page's search box: the query
  // and the municipality are in the address the page opens with.
  await page.goto(`${server.base}haku/?q=${encodeURIComponent(q)}&municipality=${encodeURIComponent(municipality)}`);
  await page.waitForFunction(() => document.getElementById('search')?.classList.contains('search--ready'));
  await page.waitForFunction(() => /\d|ei tulok/i.test(document.getElementById('search-status')?.textContent || ''));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}
let pageBytes = 0;
let before = 0;
let firstResults = null;
let filtered = !!ADDRESS;
if (!ADDRESS) {
  // Load the page first, so that only the search's own downloads are counted apart.
  await page.goto(`${server.base}haku/`);
  await page.waitForFunction(() => document.getElementById('search')?.classList.contains('search--ready'));
  pageBytes = sizes.reduce((a, s) => a + s.bytes, 0);
  before = sizes.length;
  const t0 = Date.now();
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => (document.getElementById('search-results')?.children.length || 0) > 0 || /0|ei tulok/i.test(document.getElementById('search-status')?.textContent || ''));
  firstResults = Date.now() - t0;
  const group = page.locator(`.search-filter[data-filter="municipality"]`);
  await group.locator('summary').click();
  const box = group.locator(`input[value="${municipality}"]`);
  // The group's values arrive with the filter's file, loaded when the group opens.
  await box.waitFor({ timeout: 15000 }).catch(() => {});
  if (await box.count()) {
    await box.check();
    await page.waitForURL(/municipality=/);
    await page.waitForTimeout(300);
    filtered = true;
  }
}
await page.waitForLoadState('networkidle');
const search = sizes.slice(before);
// Every byte of the search bundle, from page load to filtered results, by kind.
const kinds = {};
for (const s of sizes.filter((s) => s.url.includes('/pagefind/'))) {
  const k = s.url.match(/\.pf_(\w+)$/)?.[1] || s.url.split('.').pop();
  kinds[k] = +(((kinds[k] || 0) * 1024 + s.bytes) / 1024).toFixed(1);
}
const bundle = sizes.filter((s) => s.url.includes('/pagefind/')).reduce((a, s) => a + s.bytes, 0);
const searchBytes = search.reduce((a, s) => a + s.bytes, 0);
const gzipped = (list) => +(list.reduce((a, s) => a + s.gzip, 0) / 1024).toFixed(1);
const status = await page.locator('#search-status').innerText();
console.log(JSON.stringify({
  site: dir, flow: ADDRESS ? 'address' : 'typed', query: q, municipality: filtered ? municipality : null, status,
  page_and_script_kB: +(pageBytes / 1024).toFixed(1),
  search_kB: +(searchBytes / 1024).toFixed(1),
  pagefind_bundle_kB: +(bundle / 1024).toFixed(1),
  by_kind_kB: kinds,
  total_kB: +((pageBytes + searchBytes) / 1024).toFixed(1),
  search_gzip_kB: gzipped(search),
  total_gzip_kB: gzipped(sizes),
  first_results_ms: firstResults,
  largest: search.sort((a, b) => b.bytes - a.bytes).slice(0, Number(process.env.LARGEST || 5)).map((s) => `${s.url} ${(s.bytes / 1024).toFixed(1)} kB`),
}, null, 2));
await browser.close();
await server.close();
