// The phone menu (a <details> element, which opens and closes without this
// script): Escape closes it and returns the focus to its button, and following
// an in-page link from it closes it too.
const menu = document.getElementById('phone-menu');
if (menu) {
  const button = menu.querySelector('summary');
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  menu.addEventListener('click', (e) => {
    if (e.target.closest('a')) menu.open = false;
  });
}
// The search filters: a <details> element that is open on wide screens and closed
// on phones, so that the first result shows without scrolling.
const filters = document.getElementById('search-filters-box');
if (filters) {
  const wide = window.matchMedia('(min-width: 40.0625rem)');
  const place = () => { filters.open = wide.matches; };
  place();
  wide.addEventListener('change', place);
}
