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

// One page of each kind in each language of the site; the pages of the first language
// are named by their kind, the others' by language and kind (`sv-organisation`).
const firstLang = manifest[0]?.lang;
const first = new Map();
for (const { kind, url, lang } of manifest) {
  const name = !lang || lang === firstLang ? kind : `${lang}-${kind}`;
  if (!first.has(name)) first.set(name, [kind, rel(url)]);
}

export const KINDS = [...new Set(manifest.map((p) => p.kind))];

/** [name, path] for every kind; the not-found page is asked for at an address that
 *  does not exist, and a search with results is added when the site has search. */
export const PAGES = [];
for (const [name, [kind, path]] of first) {
  if (name === 'not-found') PAGES.push([name, 'ei-ole-olemassa/']);
  else if (kind !== 'not-found') PAGES.push([name, path]);
  if (kind === 'search' && first.has('organisation')) {
    const word = first.get('organisation')[1].split('/').filter(Boolean).pop().split('-')[0];
    PAGES.push([name.replace('search', 'search-results'), `${path}?q=${encodeURIComponent(word)}`]);
  }
}
