// Browser tests of the page `rasd serve` serves, in real headless Chromium.
//
// Run by scripts/browser-tests.sh, which starts the server on loopback with a corpus
// ingested and sets RASD_URL. By hand:
//   RASD_URL=http://127.0.0.1:8080 node --test tests/browser/
// Screenshots go to SCREENSHOT_DIR (default: target/screenshots at the repository root).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.RASD_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOT_DIR || path.resolve(here, '../../target/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 60_000;

let context;
let profile;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A fresh profile for every run (Playwright takes it as userDataDir, not as a flag).
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rasd-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    // Without the background-networking flags Chromium tries to reach its services, and
    // this closed network refuses the connections (console noise, slow start).
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  if (context) await context.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

// A fresh page that records every console error, uncaught exception, failed request and
// HTTP error. The language is set before the page's script runs.
async function open(hash = '', { lang = 'ar' } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript((l) => {
    if (!sessionStorage.getItem('rasd.test')) {
      sessionStorage.setItem('rasd.test', '1');
      localStorage.setItem('rasd.lang', l);
    }
  }, lang);
  await page.goto(`${BASE}/${hash}`);
  await ready(page);
  return { page, problems, close: () => page.close() };
}

// The page marks <body data-ready="1"> once a view is rendered.
async function ready(page) {
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
}

async function shot(page, name, selector) {
  const file = path.join(SHOTS, `${name}.png`);
  if (selector) await page.locator(selector).first().screenshot({ path: file });
  else await page.screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 1000, `${file} written`);
}

async function getJson(p) {
  const res = await fetch(`${BASE}${p}`);
  assert.equal(res.status, 200, `${p} answers 200`);
  return res.json();
}

async function allItems(p) {
  const items = [];
  let offset = 0;
  for (;;) {
    const sep = p.includes('?') ? '&' : '?';
    const page = await getJson(`${p}${sep}limit=500&offset=${offset}`);
    items.push(...page.items);
    if (page.next_offset === null || page.next_offset === undefined || !page.items.length) return items;
    offset = page.next_offset;
  }
}

// The incident and source whose article has the most kinds of evidence (ideally all four).
async function richestSource() {
  const incidents = await allItems('/api/incidents');
  assert.ok(incidents.length > 0, 'the record holds incidents');
  const docs = new Map();
  let best = null;
  for (const inc of incidents) {
    for (const src of inc.sources) {
      if (!docs.has(src.doc.id)) docs.set(src.doc.id, await getJson(`/api/documents/${encodeURIComponent(src.doc.id)}`));
      const d = docs.get(src.doc.id);
      const kinds = ['entities', 'times', 'casualties', 'events'].filter((k) => (d[k] || []).length > 0);
      const score = kinds.length * 10 + (inc.type === 'ASSAULT' ? 2 : 0) + Math.min(inc.sources.length, 5);
      if (!best || score > best.score) best = { score, inc, src, doc: d, kinds };
    }
    if (best && best.kinds.length === 4 && best.inc.type === 'ASSAULT' && best.inc.sources.length > 1) break;
  }
  return best;
}

describe('rasd web page', { timeout: TIMEOUT * 4 }, () => {
  test('overview loads with no console errors; the timeline lists incidents', { timeout: TIMEOUT }, async () => {
    const { page, problems, close } = await open();
    try {
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      const stats = await getJson('/api/stats');
      const tiles = await page.locator('#summary .tile b').allTextContents();
      assert.ok(tiles.includes(String(stats.incidents)), `summary shows ${stats.incidents} incidents: ${tiles}`);
      const rows = page.locator('#timeline a.incident');
      const n = await rows.count();
      assert.ok(n > 0, 'timeline has incidents');
      const first = rows.first();
      assert.ok((await first.locator('.badge').innerText()).trim().length > 0, 'type badge in words');
      assert.ok((await first.locator('.nsrc').innerText()).length > 0, 'number of sources');
      assert.ok((await page.locator('#timeline .day .date .d').count()) > 0, 'rows grouped by day');
      await page.waitForSelector('#claims-panel');
      await shot(page, 'timeline');
      await shot(page, 'claims', '#claims-panel');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('the map draws countries and incidents as circles', { timeout: TIMEOUT }, async () => {
    const { page, problems, close } = await open();
    try {
      await page.waitForSelector('#map path.incident-marker', { timeout: 20_000 });
      const markers = await page.locator('#map path.incident-marker').count();
      assert.ok(markers > 0, 'markers on the map');
      const countries = await page.locator('#map path:not(.incident-marker)').count();
      assert.ok(countries > 100, `country shapes drawn (${countries})`);
      assert.equal(await page.locator('#map img.leaflet-tile').count(), 0, 'no tiles');
      await page.locator('#map path.incident-marker').first().click({ force: true });
      await page.waitForSelector('.leaflet-popup .popup a');
      await shot(page, 'map', '#map-panel');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('filters by type and country narrow the timeline', { timeout: TIMEOUT }, async () => {
    const { page, problems, close } = await open();
    try {
      const all = await page.locator('#timeline a.incident').count();
      const types = await page.locator('#filter-type option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assert.ok(types.length > 0, 'type options');
      const ty = types.includes('ASSAULT') ? 'ASSAULT' : types[0];
      await page.selectOption('#filter-type', ty);
      await page.waitForFunction((t) => location.hash.includes(`type=${t}`), ty);
      await ready(page);
      const titles = await page.locator('#timeline a.incident .badge').evaluateAll((bs) => bs.map((b) => b.title));
      assert.ok(titles.length > 0 && titles.length <= all, `${titles.length} of ${all}`);
      assert.ok(titles.every((t) => t === ty), `only ${ty}: ${titles}`);
      const countries = await page.locator('#filter-country option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assert.ok(countries.length > 0, 'country options');
      await page.selectOption('#filter-country', countries[0]);
      await page.waitForFunction((c) => location.hash.includes(`country=${c}`), countries[0]);
      await ready(page);
      assert.ok(await page.locator('#timeline').isVisible());
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('at 390 px nothing is wider than the screen; dates are typed as YYYY-MM-DD', { timeout: TIMEOUT }, async () => {
    const { page, problems, close } = await open();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await ready(page);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `the page scrolls sideways: ${scroll} > ${client}`);
      const form = await page.locator('form.filters').evaluate((f) => [f.scrollWidth, f.clientWidth]);
      assert.ok(form[0] <= form[1] + 1, `the filter row overflows: ${form}`);
      // Not the browser's own date field, which shows mm/dd/yyyy on an Arabic page.
      assert.equal(await page.locator('#filter-from').getAttribute('type'), 'text');
      await page.fill('#filter-from', '٢٠٢٠-١٠-٠١');
      await page.locator('#filter-from').dispatchEvent('change');
      await page.waitForFunction(() => location.hash.includes('from=2020-10-01'));
      await page.screenshot({ path: path.join(SHOTS, 'phone-390.png'), fullPage: false });
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('search finds an article and opens it', { timeout: TIMEOUT }, async () => {
    const docs = await getJson('/api/documents?limit=5');
    assert.ok(docs.items.length > 0, 'documents stored');
    const doc = await getJson(`/api/documents/${encodeURIComponent(docs.items[0].id)}`);
    // A long Arabic word of the article is a query that must find it.
    const words = (doc.text.match(/[\u0621-\u064A]{6,}/g) || []).sort((a, b) => b.length - a.length);
    assert.ok(words.length > 0, 'the article has Arabic words');
    const word = words[0];
    const { page, problems, close } = await open();
    try {
      await page.fill('#search', word);
      await page.press('#search', 'Enter');
      await page.waitForFunction(() => location.hash.startsWith('#/search'));
      await ready(page);
      const hits = page.locator('#search-results .hit');
      assert.ok((await hits.count()) > 0, `search for ${word} finds something`);
      const ids = await page.locator('#search-results .hit-title').evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
      assert.ok(ids.some((h) => h.includes(doc.id)), `${doc.id} among the hits`);
      await shot(page, 'search');
      await hits.first().locator('.hit-title').click();
      await page.waitForFunction(() => location.hash.startsWith('#/article/'));
      await ready(page);
      assert.ok((await page.locator('.doc-text').innerText()).length > 50, 'the article text is shown');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('clicking an incident, then a source, shows the evidence highlighted by kind', { timeout: TIMEOUT * 2 }, async () => {
    const best = await richestSource();
    const { page, problems, close } = await open();
    try {
      // Find the incident on the timeline (it may be past the first screenful).
      const row = page.locator(`#timeline a.incident[data-id="${best.inc.id}"]`);
      while ((await row.count()) === 0 && (await page.locator('#timeline button.more:not([hidden])').count()) > 0) {
        await page.click('#timeline button.more');
      }
      assert.equal(await row.count(), 1, `incident ${best.inc.id} on the timeline`);
      await row.click();
      await page.waitForFunction((id) => location.hash === `#/incident/${id}`, best.inc.id);
      await ready(page);
      const sources = page.locator('.incident-view .source');
      assert.equal(await sources.count(), best.inc.sources.length, 'every source listed');
      assert.ok((await page.locator('.incident-view .source .evidence').first().innerText()).length > 10, 'evidence sentence');
      assert.ok((await page.locator('.incident-view .source .stance').count()) > 0, 'stance shown');
      await shot(page, 'incident');

      await page.locator(`.incident-view .source[data-doc="${best.src.doc.id}"] a.src-title`).first().click();
      await page.waitForFunction(() => location.hash.startsWith('#/article/'));
      await ready(page);
      const text = await page.locator('.doc-text').innerText();
      assert.ok(text.length > 50);
      const count = (sel) => page.locator(`.doc-text ${sel}`).count();
      const want = { entities: '.sp-entity', times: '.sp-time', casualties: '.sp-casualty', events: '.sp-trigger' };
      for (const k of best.kinds) assert.ok((await count(want[k])) > 0, `${k} highlighted`);
      assert.ok(best.kinds.length >= 3, `the richest article has at least three kinds: ${best.kinds}`);
      // The source's evidence: its sentence marked and its trigger in focus.
      assert.equal(await count('#evidence-focus'), 1, 'evidence sentence in focus');
      assert.ok((await count('.sp-trigger.focus')) > 0, 'the trigger of the event in focus');
      // Highlighted words slice back to the text: a trigger's text is the event's trigger.
      const ev = best.doc.events[best.src.event_idx];
      const trig = await page.locator('.doc-text .sp-trigger.focus').evaluateAll((ms) => ms.map((m) => {
        const c = m.cloneNode(true);
        for (const l of c.querySelectorAll('.lbl')) l.remove();
        return c.textContent;
      }).join(''));
      assert.equal(trig, ev.trigger.text);
      assert.equal(await page.locator('#article-legend input[type=checkbox]').count(), 4, 'legend of the four kinds');
      await shot(page, 'article');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('the English toggle switches labels and direction, names in both scripts', { timeout: TIMEOUT }, async () => {
    const { page, problems, close } = await open();
    try {
      const arTitle = await page.locator('#timeline h2').innerText();
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      await ready(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const enTitle = await page.locator('#timeline h2').innerText();
      assert.notEqual(enTitle, arTitle);
      assert.match(enTitle, /Timeline/);
      const badge = await page.locator('#timeline a.incident .badge').first().innerText();
      assert.match(badge, /[A-Za-z]/, 'English type label');
      // Names known in both languages are shown in both.
      const both = await page.locator('#timeline .ent .alt').count();
      assert.ok(both > 0, 'some names shown as English / Arabic');
      await shot(page, 'timeline-en');
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await ready(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });

  test('views are linkable by hash; an unknown incident shows an error, not a crash', { timeout: TIMEOUT }, async () => {
    const incidents = await getJson('/api/incidents?limit=1');
    const id = incidents.items[0].id;
    const { page, problems, close } = await open(`#/incident/${encodeURIComponent(id)}`);
    try {
      assert.equal(await page.locator(`.incident-view[data-id="${id}"]`).count(), 1);
      assert.deepEqual(problems, []);
      await page.evaluate(() => { location.hash = '#/incident/no-such-incident'; });
      await page.waitForFunction(() => !document.getElementById('error').hidden);
      assert.match(await page.locator('#error').innerText(), /no-such-incident|404|not/i);
    } finally {
      await close();
    }
  });

  // Runs last: it adds an article to the record the other tests count.
  test('markup inside an article is shown as text, never run', { timeout: TIMEOUT }, async (t) => {
    if (!process.env.RASD_TOKEN) {
      t.skip('RASD_TOKEN not set: the server takes no writes');
      return;
    }
    const hostile = {
      id: 'markup-test',
      published: '2024-03-05',
      title: 'قصف <img src=x onerror="window.__owned=1"> على المدينة',
      text: 'قصف <img src=x onerror="window.__owned=1"> على المدينة\n\n'
        + 'قالت وزارة الدفاع السودانية إن قوات الدعم السريع قصفت مدينة الفاشر أمس <b onmouseover="window.__owned=2">بالمدفعية</b> ما أسفر عن مقتل خمسة مدنيين.',
    };
    const res = await fetch(`${BASE}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${process.env.RASD_TOKEN}` },
      body: JSON.stringify(hostile) + '\n',
    });
    assert.equal(res.status, 200, await res.text());
    const doc = await getJson('/api/documents/markup-test');
    assert.ok(doc.text.includes('<img'), 'the markup is kept in the text as published');
    const { page, problems, close } = await open('#/article/markup-test');
    try {
      await page.hover('text=بالمدفعية').catch(() => {});
      assert.equal(await page.evaluate(() => window.__owned), undefined);
      assert.equal(await page.locator('img[src="x"], b[onmouseover]').count(), 0);
      assert.ok((await page.locator('body').innerText()).includes('<img src=x'));
      await page.evaluate(() => { location.hash = '#/search?q=' + encodeURIComponent('بالمدفعية'); });
      await ready(page);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__owned), undefined);
      assert.equal(await page.locator('img[src="x"], b[onmouseover]').count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
