// One page of each kind of the built site, read from the page manifest that the build
// writes (`areena build --manifest FILE`, the file named by AREENA_MANIFEST): the page
// kinds are listed once, in areena, and never copied here. Paths are relative to the
// site's base path, which is the front page's address.
import fs from 'node:fs';

const manifest = JSON.parse(fs.readFileSync(process.env.AREENA_MANIFEST, 'utf8'));
/** The site's base path, e.g. `/jarjestot/`. */
export const PREFIX = manifest.find((p) => p.kind === 'front')?.url ?? '/';
const prefix = PREFIX;

function rel(url) {
  return url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//, '');
}

const first = new Map();
for (const { kind, url } of manifest) {
  if (!first.has(kind)) first.set(kind, rel(url));
}

export const KINDS = [...first.keys()];

/** [name, path] for every kind; the not-found page is asked for at an address that
 *  does not exist, and a search with results is added when the site has search. */
export const PAGES = [];
for (const [kind, path] of first) {
  if (kind === 'not-found') PAGES.push([kind, 'ei-ole-olemassa/']);
  else PAGES.push([kind, path]);
  if (kind === 'search' && first.has('organisation')) {
    const word = first.get('organisation').split('/').filter(Boolean).pop().split('-')[0];
    PAGES.push(['search-results', `${path}?q=${encodeURIComponent(word)}`]);
  }
}
