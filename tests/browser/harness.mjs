// Serving a built site on loopback and driving Debian's chromium headless.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8', '.yml': 'application/yaml; charset=utf-8',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.txt': 'text/plain',
  '.pf_meta': 'application/octet-stream', '.wasm': 'application/wasm',
};

/** Serve `dir` under `prefix` (e.g. "/jarjestot/") on 127.0.0.1; resolves to { origin, base, close }. */
export function serve(dir, prefix = '/') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); res.end('outside the site'); return; }
    p = p.slice(prefix.length);
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(fs.existsSync(path.join(dir, '404.html')) ? fs.readFileSync(path.join(dir, '404.html')) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, base: origin + prefix, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launch() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`no chromium at ${executablePath}: install it with "apt-get install chromium" (or set CHROMIUM)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** The built site to test: AREENA_SITE_DIR (made by the Rust test that runs these). */
export function siteDir() {
  const dir = process.env.AREENA_SITE_DIR;
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error('AREENA_SITE_DIR must name a built site (run these tests through `cargo test`)');
  }
  return dir;
}

export function screenshotDir() {
  const dir = process.env.AREENA_SCREENSHOTS || path.join(process.cwd(), 'target', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Register before/after hooks that serve `dir` under `prefix` and launch the
 * browser; returns an object whose `server` and `browser` are set once ready.
 */
export function useSite(hooks, dir, prefix = '/') {
  const ctx = { server: null, browser: null };
  hooks.before(async () => {
    ctx.server = await serve(typeof dir === 'function' ? dir() : dir, prefix);
    ctx.browser = await launch();
  });
  hooks.after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** In the page: the search has answered (with results or with none). */
export function searchDone() {
  const s = document.getElementById('search-status')?.textContent || '';
  return s !== '' && !s.includes('…') && document.getElementById('search')?.classList.contains('search--ready');
}
