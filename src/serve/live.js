// areena serve: reload the page when it changed, swap the stylesheet when only CSS
// changed, and show the problems of a failed build over the page. Served only by
// `areena serve`, never part of a built site.
(() => {
  // What this page was when it was served: the server compares it with the page now.
  const served = (document.currentScript && document.currentScript.dataset.served) || '';
  const TEXT = {
    fi: { title: 'Sivustoa ei voitu rakentaa', intro: 'Viimeisin toimiva versio näkyy alla. Korjaa nämä, niin sivu päivittyy itsestään:', close: 'Sulje (Esc)', help: 'Korjaus' },
    sv: { title: 'Webbplatsen kunde inte byggas', intro: 'Den senaste fungerande versionen syns nedanför. Rätta dessa så uppdateras sidan av sig själv:', close: 'Stäng (Esc)', help: 'Åtgärd' },
    en: { title: 'The site could not be built', intro: 'The last good version is shown underneath. Fix these and the page updates by itself:', close: 'Close (Esc)', help: 'Fix' },
  };
  const lang = (document.documentElement.lang || 'fi').slice(0, 2);
  const t = TEXT[lang] || TEXT.en;
  let overlay = null;
  let before = null;

  function close() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    if (before && before.focus) before.focus();
  }

  function show(problems) {
    close();
    before = document.activeElement;
    overlay = document.createElement('div');
    overlay.id = 'areena-problems';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'areena-problems-title');
    overlay.tabIndex = -1;
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.98);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:1.5rem';
    const h = document.createElement('h2');
    h.id = 'areena-problems-title';
    h.textContent = t.title;
    h.style.cssText = 'margin:0 0 .5rem;font-size:1.4rem;color:#fff';
    const p = document.createElement('p');
    p.textContent = t.intro;
    const list = document.createElement('ol');
    for (const d of problems) {
      const li = document.createElement('li');
      li.style.margin = '0 0 1rem';
      const where = document.createElement('code');
      where.textContent = `${d.file}:${d.line}:${d.column}`;
      where.style.cssText = 'color:#ffd479';
      const what = document.createElement('div');
      what.textContent = `${d.severity === 'error' ? '×' : '⚠'} ${d.message} (${d.code})`;
      li.append(where, what);
      if (d.source_line) {
        const src = document.createElement('pre');
        src.textContent = d.source_line;
        src.style.cssText = 'margin:.25rem 0;padding:.25rem .5rem;background:#000;color:#eee;white-space:pre-wrap';
        li.append(src);
      }
      if (d.help) {
        const help = document.createElement('div');
        help.textContent = `${t.help}: ${d.help}`;
        help.style.color = '#9fe3a8';
        li.append(help);
      }
      list.append(li);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t.close;
    button.style.cssText = 'font:inherit;padding:.25rem .75rem';
    button.addEventListener('click', close);
    overlay.append(h, p, list, button);
    overlay.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
    document.body.append(overlay);
    overlay.focus();
  }

  const events = new EventSource(
    `/__areena/events?served=${encodeURIComponent(served)}&page=${encodeURIComponent(location.pathname)}`,
  );
  // Connected: from now on a change reaches this page (tests wait for this).
  events.addEventListener('open', () => { window.areenaLive = 'connected'; });
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('css', () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('areena', Date.now());
      link.href = url.href;
    }
  });
  events.addEventListener('problems', (e) => show(JSON.parse(e.data)));
  events.addEventListener('fixed', close);
})();
