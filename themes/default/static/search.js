// Search page: a small script on Pagefind's JavaScript API.
// The query and the chosen filters live in the address (?q=...&theme=...), so a
// search can be linked and the back button works. Results and counts are plain
// DOM built with textContent: nothing from the index is inserted as HTML except
// Pagefind's <mark> highlighting, which is rebuilt element by element.

const root = document.getElementById('search');
const FILTERS = ['type', 'theme', 'municipality', 'region', 'kind', 'language', 'seeking'];
// Read from the address but not shown as a group: `wide` is a region (its
// region-wide organisations) or `*` (nationwide ones).
const KEYS = [...FILTERS, 'wide'];
// Region → its municipalities, turned into municipality → region.
// (Maps without a prototype: a name from the address such as `constructor` is no key.)
const regionOf = Object.create(null);
for (const [region, names] of Object.entries(JSON.parse(root.dataset.regions || '{}'))) {
  for (const name of names) regionOf[name] = region;
}
// The index lists a municipality's records under one of 16 filters chosen by a hash
// of its name (`municipality-0` … `municipality-15`, FNV-1a of the UTF-8 bytes, as
// areena computes it), so that a search with one municipality downloads only that
// filter's file. The page shows them as one group, `municipality`.
const MUNICIPALITY = 'municipality';
const MUNICIPALITY_GROUPS = 16;
function municipalityKey(name) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(name)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `${MUNICIPALITY}-${h % MUNICIPALITY_GROUPS}`;
}
/** Pagefind's counts with the municipality filters joined into one group. */
function joined(filters) {
  const out = {};
  for (const [key, values] of Object.entries(filters || {})) {
    const group = key.startsWith(MUNICIPALITY + '-') ? MUNICIPALITY : key;
    out[group] = { ...(out[group] || {}), ...values };
  }
  return out;
}
// Results shown at a time (each needs its fragment downloaded): a phone screen or two.
const PAGE_SIZE = 10;

const text = (key, n) => {
  const s = root.dataset[key] || key;
  return n === undefined ? s : s.replace('{n}', String(n));
};

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const key of KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return { q: (params.get('q') || '').trim(), filters };
}

function writeState(state, push) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of KEYS) for (const v of state.filters[key] || []) params.append(key, v);
  const qs = params.toString();
  const url = location.pathname + (qs ? '?' + qs : '');
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

/** Excerpt HTML from Pagefind: keep <mark>, everything else as text. */
function excerptNode(html) {
  const p = document.createElement('p');
  p.className = 'search-result__excerpt';
  const parts = String(html).split(/(<mark>|<\/mark>)/);
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') { mark = document.createElement('mark'); continue; }
    if (part === '</mark>') { if (mark) p.append(mark); mark = null; continue; }
    const t = document.createTextNode(decode(part));
    (mark || p).append(t);
  }
  if (mark) p.append(mark);
  return p;
}

function decode(s) {
  // Pagefind escapes text; turn its entities back into characters for a text node.
  const ta = document.createElement('textarea');
  ta.innerHTML = s.replace(/</g, '&lt;');
  return ta.value;
}

function safeUrl(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '#';
}

let pagefind;
let state = readState();
// Pagefind keeps each filter in a file of its own that grows with the directory.
// A search downloads only the filters it uses; the others are loaded when the
// reader opens their group, and from then on their counts come with every search.
const loaded = new Set();
// A group of which only the chosen values' files are loaded (a municipality from the
// address): it lists those, and a button loads the rest.
const partial = new Set();
const opened = new Set();
let shown = 0;
let current = null;

const form = root.querySelector('form');
const input = root.querySelector('input[name="q"]');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const filterBox = document.getElementById('search-filters');

async function showMore() {
  if (!current) return;
  const slice = current.results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(slice.map((r) => r.data()));
  for (const d of data) {
    const li = document.createElement('li');
    li.className = 'search-result';
    const h = document.createElement('h2');
    h.className = 'search-result__title';
    const a = document.createElement('a');
    a.href = safeUrl(d.url);
    a.textContent = (d.meta && d.meta.title) || d.url;
    h.append(a);
    li.append(h);
    const type = d.filters && d.filters.type && d.filters.type[0];
    const places = d.meta && d.meta.places;
    if (type || places) {
      const meta = document.createElement('p');
      meta.className = 'search-result__meta';
      meta.textContent = [type, places].filter(Boolean).join(' · ');
      li.append(meta);
    }
    // An organisation's own summary reads better than an excerpt of its record.
    if (d.meta && d.meta.summary) {
      const p = document.createElement('p');
      p.className = 'search-result__excerpt';
      p.textContent = d.meta.summary + (d.meta.summary.split(' ').length >= 24 ? ' …' : '');
      li.append(p);
    } else if (d.excerpt) {
      li.append(excerptNode(d.excerpt));
    }
    // How to reach an organisation: its phone and email as links.
    const phone = d.meta && d.meta.phone;
    const email = d.meta && d.meta.email;
    if (phone || email) {
      const ul = document.createElement('ul');
      ul.className = 'search-result__contact';
      if (phone) {
        const link = document.createElement('a');
        link.href = 'tel:' + phone.replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
        link.textContent = phone;
        const item = document.createElement('li');
        item.append(link);
        ul.append(item);
      }
      if (email && /^[^\s@:\/]+@[^\s@:\/]+$/.test(email)) {
        const link = document.createElement('a');
        link.href = 'mailto:' + email;
        link.textContent = email;
        const item = document.createElement('li');
        item.append(link);
        ul.append(item);
      }
      li.append(ul);
    }
    const themes = d.filters && d.filters.theme;
    if (themes && themes.length) {
      const tags = document.createElement('p');
      tags.className = 'search-result__themes';
      tags.textContent = themes.join(', ');
      li.append(tags);
    }
    list.append(li);
  }
  shown += slice.length;
  more.hidden = shown >= current.results.length;
}

function renderFilters(counts, totals) {
  filterBox.replaceChildren();
  for (const key of FILTERS) {
    const all = totals[key] || {};
    const values = Object.keys(all).sort((a, b) => a.localeCompare(b, document.documentElement.lang));
    if (loaded.has(key) && !values.length) continue;
    const chosen = new Set(state.filters[key] || []);
    const details = document.createElement('details');
    details.className = 'search-filter';
    details.dataset.filter = key;
    if (chosen.size || opened.has(key)) details.open = true;
    details.addEventListener('toggle', () => {
      if (!details.open) { opened.delete(key); return; }
      opened.add(key);
      if (!loaded.has(key) && !partial.has(key)) loadFilter(key);
    });
    const summary = document.createElement('summary');
    summary.textContent = text('filter_' + key) + (chosen.size ? ` (${chosen.size})` : '');
    details.append(summary);
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = text('filter_' + key);
    fieldset.append(legend);
    for (const v of values) {
      const n = counts[key] && counts[key][v] !== undefined ? counts[key][v] : 0;
      if (!n && !chosen.has(v)) continue;
      // Until the whole group is loaded, only the chosen values (their files came with
      // the search; other municipalities in the same files would be a random few).
      if (partial.has(key) && !loaded.has(key) && !chosen.has(v)) continue;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = v;
      box.checked = chosen.has(v);
      box.addEventListener('change', () => {
        const set = new Set(state.filters[key] || []);
        if (box.checked) set.add(v); else set.delete(v);
        state.filters[key] = [...set];
        if (!set.size) delete state.filters[key];
        writeState(state, true);
        run();
      });
      const name = document.createElement('span');
      name.textContent = v;
      const count = document.createElement('span');
      count.className = 'search-filter__count';
      count.textContent = String(n);
      label.append(box, ' ', name, ' ', count);
      fieldset.append(label);
    }
    if (partial.has(key) && !loaded.has(key)) {
      const all = document.createElement('button');
      all.type = 'button';
      all.className = 'search-filter__all';
      all.textContent = more.textContent;
      all.addEventListener('click', () => loadFilter(key));
      fieldset.append(all);
    } else if (!loaded.has(key)) {
      const wait = document.createElement('p');
      wait.className = 'search-filter__loading';
      wait.textContent = text('loading');
      fieldset.append(wait);
    }
    if (key === MUNICIPALITY && (loaded.has(key) || partial.has(key))) {
      const note = document.createElement('p');
      note.className = 'search-filter__note';
      note.textContent = text('wide_note');
      fieldset.append(note);
    }
    details.append(fieldset);
    filterBox.append(details);
  }
}

// A large directory's index is made in parts (pagefind/part-N/, part 0 being the
// bundle itself) that the search merges. A search with a municipality needs only the
// parts that hold its records (pagefind/parts.json names them, with the parts of the
// region-wide and nationwide ones); any other search needs them all. A part, once
// merged, stays.
const bundle = root.dataset.bundle;
const options = { baseUrl: '/', excerptLength: 24 };
const merging = new Map();
let partCount = 1;
let partsMap = null;

function mergePart(i) {
  if (!merging.has(i)) merging.set(i, pagefind.mergeIndex(`${bundle}part-${i}/`, options));
  return merging.get(i);
}

/** Merge the parts the search of `state` needs (all of them unless `some`). */
async function mergeParts(some = true) {
  let want = Array.from({ length: partCount }, (_, i) => i);
  const chosen = state.filters[MUNICIPALITY];
  if (some && partsMap && chosen && !loaded.has(MUNICIPALITY)) {
    const set = new Set();
    const own = (map, key) => (key !== undefined && Object.hasOwn(map, key) && Array.isArray(map[key]) ? map[key] : []);
    const add = (list) => { for (const p of list) if (Number.isInteger(p)) set.add(p); };
    for (const m of chosen) {
      add(own(partsMap.municipalities, m));
      add(own(partsMap.wide, '*'));
      add(own(partsMap.wide, regionOf[m]));
    }
    want = [...set];
  }
  await Promise.all(want.filter((p) => p > 0 && p < partCount).map(mergePart));
}

/** Download one filter's file, then search again to show its counts. */
async function loadFilter(key) {
  if (loaded.has(key)) return;
  // Every municipality's count: from every part.
  if (key === MUNICIPALITY) await mergeParts(false);
  const keys = key === MUNICIPALITY ? Array.from({ length: MUNICIPALITY_GROUPS }, (_, i) => `${MUNICIPALITY}-${i}`) : [key];
  await pagefind.preload(null, { filters: Object.fromEntries(keys.map((k) => [k, { any: [] }])) });
  loaded.add(key);
  partial.delete(key);
  await run();
}

async function run() {
  input.value = state.q;
  const filters = {};
  for (const [k, v] of Object.entries(state.filters)) if (k !== MUNICIPALITY) filters[k] = { any: v };
  const chosen = state.filters[MUNICIPALITY];
  if (chosen) {
    // A municipality's organisations: those that name it, and the region-wide ones
    // of its region and the nationwide ones, which the index does not repeat under
    // every municipality.
    const regions = [...new Set(chosen.map((m) => regionOf[m]).filter(Boolean))];
    filters.any = [...chosen.map((m) => ({ [municipalityKey(m)]: { any: [m] } })), { wide: { any: [...regions, '*'] } }];
  }
  const active = state.q || Object.keys(filters).length;
  list.replaceChildren();
  shown = 0;
  if (!active) {
    current = null;
    more.hidden = true;
    status.textContent = text('hint');
    if (loaded.size) await mergeParts();
    const all = loaded.size ? await pagefind.search(null, { filters: {} }) : null;
    renderFilters(joined(all && all.filters), joined(all && all.filters));
    return;
  }
  status.textContent = text('loading');
  await mergeParts();
  for (const key of Object.keys(state.filters)) {
    if (key === MUNICIPALITY && !loaded.has(key)) partial.add(key); else loaded.add(key);
  }
  const search = await pagefind.search(state.q || null, { filters });
  if (!search) return; // superseded by a newer search
  current = search;
  const n = search.results.length;
  renderFilters(joined(search.filters), joined(search.totalFilters));
  await showMore();
  // Announced last, when the results are on the page.
  status.textContent = n === 0 ? text('none') : n === 1 ? text('one') : text('many', n);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  state.q = input.value.trim();
  writeState(state, true);
  run();
});
more.addEventListener('click', () => showMore());
window.addEventListener('popstate', () => { state = readState(); run(); });

(async () => {
  try {
    pagefind = await import(root.dataset.bundle + 'pagefind.js');
    // No worker: one script less to download, and these records are small to search.
    await pagefind.options({ ...options, noWorker: true });
    await pagefind.init();
    if (root.dataset.parts !== undefined) {
      partCount = Number(root.dataset.parts) || 1;
      // Which parts a municipality needs: only worth asking when one is chosen.
      if (partCount > 1 && state.filters[MUNICIPALITY]) {
        const res = await fetch(`${bundle}parts.json`).catch(() => null);
        const map = res && res.ok ? await res.json().catch(() => null) : null;
        if (map && map.parts === partCount && map.municipalities && map.wide) partsMap = map;
      }
    } else {
      // A template without data-parts: look for the parts.
      for (let i = 1; i < 64; i++) {
        const res = await fetch(`${bundle}part-${i}/pagefind-entry.json`, { method: 'HEAD' }).catch(() => null);
        if (!res || !res.ok) break;
        partCount = i + 1;
      }
    }
    await mergeParts();
    root.classList.add('search--ready');
    await run();
  } catch (e) {
    status.textContent = text('failed');
    console.error(e);
  }
})();
