// Events on a phone (360 × 800): the upcoming events, one event page, and the
// site's calendar read by a real iCalendar parser (ical.js) as a calendar program would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { siteDir, useSite } from './harness.mjs';
import { PREFIX } from './pages.mjs';

const ctx = useSite({ before, after }, siteDir, PREFIX);

async function phone(rel) {
  const page = await ctx.browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const res = await page.goto(ctx.server.base + rel);
  assert.equal(res.status(), 200, rel);
  return { page, errors };
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow} px on a phone`);
}

test('the events page lists upcoming events by month on a phone, with the calendar link', async () => {
  const { page, errors } = await phone('tapahtumat/');
  assert.equal(await page.locator('h1').innerText(), 'Tulevat tapahtumat');
  const months = await page.locator('main h2').allInnerTexts();
  assert.equal(months[0], 'Marraskuu 2026');
  const first = page.locator('.event-item').first();
  assert.ok(await first.isVisible());
  assert.match(await first.innerText(), /Kuvanäyttely: Kylien arki/);
  const when = await page.locator('.event-item time').nth(1).getAttribute('datetime');
  assert.equal(when, '2026-11-28T13:00:00+02:00');
  const cal = page.locator('main a[type="text/calendar"]');
  assert.equal(await cal.getAttribute('href'), `${PREFIX}tapahtumat.ics`);
  assert.ok(await cal.isVisible());
  await noSidewaysScroll(page, 'the events page');
  assert.deepEqual(errors, []);
  // The archive: the latest past event first.
  await page.goto(ctx.server.base + 'tapahtumat/arkisto/');
  assert.match(await page.locator('.event-item__title').first().innerText(), /Mielen hyvinvointi arjessa/);
  await page.close();
});

test('an event page shows when, where, who and how to sign up on a phone', async () => {
  const { page, errors } = await phone('tapahtumat/2027-02-19-jarjestopaivat/');
  assert.equal(await page.locator('h1').innerText(), 'Keski-Suomen järjestöpäivät');
  assert.equal(await page.locator('.page-header .lead').innerText(), 'pe 19.2.2027 – la 20.2.2027');
  const register = page.getByRole('link', { name: 'Ilmoittaudu' });
  assert.ok(await register.isVisible());
  assert.equal(await register.getAttribute('href'), 'https://jarjestoareena.example/jarjestopaivat');
  assert.ok(await page.locator('main a[href$="/verkostot/keski-suomen-jarjestoareena/"]').isVisible());
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'Event');
  assert.equal(ld.startDate, '2027-02-19');
  await noSidewaysScroll(page, 'an event page');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the site calendar is iCalendar that ical.js reads: Finnish times, whole days, unique ids', async () => {
  const res = await fetch(ctx.server.base + 'tapahtumat.ics');
  assert.equal(res.status, 200);
  const text = await res.text();
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.equal(cal.name, 'vcalendar');
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  const tz = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone'));
  assert.equal(tz.tzid, 'Europe/Helsinki');
  ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.equal(events.length, 8);
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'unique UIDs');
  const info = events.find((e) => e.summary.startsWith('Järjestöinfo'));
  assert.equal(info.summary, 'Järjestöinfo: avustukset 2027, haku ja raportointi');
  assert.equal(info.location, 'Järjestötalo; myös verkossa, Jyväskylä, Verkossa');
  // 17.30 in Helsinki in December is 15.30 UTC.
  assert.equal(info.startDate.toJSDate().toISOString(), '2026-12-02T15:30:00.000Z');
  const days = events.find((e) => e.summary === 'Keski-Suomen järjestöpäivät');
  assert.ok(days.startDate.isDate, 'a whole-day event');
  assert.equal(days.startDate.toString(), '2027-02-19');
  assert.equal(days.endDate.toString(), '2027-02-21');
  assert.match(info.description, /Ilmoittautuminen: https:\/\/jarjestoareena\.example\/info\?aihe=avustukset&vuosi=2027/);
});
