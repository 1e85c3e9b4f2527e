// rasd web page: timeline, map, claims chart, incident and article views.
//
// Plain ES module, no build step. Every piece of text from the record goes into the DOM
// through text nodes (`el()` below never sets innerHTML), so article text cannot inject
// markup. Offsets in rasd.document/1 are Unicode code points: text is indexed through
// Array.from(), never with UTF-16 string indexes.

/* global L, uPlot, topojson */

// ---------------------------------------------------------------------------------------
// Words

const TYPES = {
  ASSAULT: ['هجوم', 'Assault', 'violent'],
  COERCE: ['حصار أو إكراه', 'Coercion', 'violent'],
  THREATEN: ['تهديد', 'Threat', 'violent'],
  MOBILIZE: ['حشد عسكري', 'Mobilization', 'violent'],
  SANCTION: ['عقوبات', 'Sanction', 'violent'],
  RETREAT: ['انسحاب', 'Retreat', 'violent'],
  ACCUSE: ['اتهام', 'Accusation', 'verbal'],
  REJECT: ['رفض أو نفي', 'Rejection', 'verbal'],
  PROTEST: ['احتجاج', 'Protest', 'verbal'],
  REQUEST: ['مطالبة أو دعوة', 'Request', 'coop'],
  CONSULT: ['مشاورات ولقاءات', 'Consultation', 'coop'],
  AGREE: ['اتفاق', 'Agreement', 'coop'],
  SUPPORT: ['تأييد', 'Support', 'coop'],
  CONCEDE: ['تنازل', 'Concession', 'coop'],
  COOPERATE: ['تعاون', 'Cooperation', 'coop'],
  AID: ['مساعدة أو إمداد', 'Aid', 'coop'],
};

const MODES = {
  aerial: ['غارة جوية', 'air strike'],
  drone: ['طائرة مسيّرة', 'drone'],
  'heavy-weapons': ['قصف مدفعي', 'shelling'],
  artillery: ['مدفعية', 'artillery'],
  missile: ['صواريخ', 'missiles'],
  firearms: ['أسلحة نارية', 'firearms'],
  ground: ['اشتباك بري', 'ground fighting'],
  clash: ['اشتباك', 'clash'],
  explosive: ['تفجير', 'explosive'],
  explosives: ['تفجير', 'explosives'],
  suicide: ['هجوم انتحاري', 'suicide attack'],
  seize: ['استيلاء', 'seizure'],
  arrest: ['اعتقال', 'arrest'],
  blockade: ['حصار', 'blockade'],
  ceasefire: ['وقف إطلاق النار', 'ceasefire'],
  demonstrate: ['تظاهر', 'demonstration'],
  deny: ['نفي', 'denial'],
  mediation: ['وساطة', 'mediation'],
  visit: ['زيارة', 'visit'],
  abduct: ['خطف', 'abduction'],
  assassinate: ['اغتيال', 'assassination'],
  riot: ['شغب', 'riot'],
  destroy: ['تدمير', 'destruction'],
};

const STANCES = {
  asserted: ['يقرّره المقال', 'stated by the article'],
  claimed: ['منسوب إلى جهة', 'attributed to a source'],
  denied: ['منفيّ', 'denied'],
  planned: ['مُعلَن لم يقع بعد', 'announced, not yet happened'],
};

const KINDS = {
  killed: ['قتلى', 'killed'],
  injured: ['جرحى', 'injured'],
  missing: ['مفقودون', 'missing'],
  captured: ['أسرى', 'captured'],
  displaced: ['نازحون', 'displaced'],
};

const GROUPS = {
  military: ['عسكريون', 'military'],
  civilian: ['مدنيون', 'civilian'],
  unspecified: ['', ''],
};

const ENTITY_KINDS = {
  country: ['دولة', 'country'],
  place: ['مكان', 'place'],
  person: ['شخص', 'person'],
  org: ['هيئة', 'organization'],
  group: ['جماعة', 'group'],
};

const T = {
  'app.name': ['رصد', 'rasd'],
  'app.tagline': ['سجلّ موثّق المصادر للنزاعات المسلحة من الأخبار العربية',
    'a sourced record of armed conflict from Arabic news'],
  'search.placeholder': ['ابحث في المقالات…', 'Search the articles…'],
  'search.button': ['بحث', 'Search'],
  'foot.offline': ['يعمل دون اتصال: كل شيء مضمَّن في البرنامج.', 'Works offline: everything is embedded in the program.'],
  'foot.boundaries': ['حدود الدول من Natural Earth.', 'Country boundaries from Natural Earth.'],
  'nav.overview': ['نظرة عامة', 'Overview'],
  'nav.back': ['عودة إلى النظرة العامة', 'Back to the overview'],
  'sum.documents': ['مقالات', 'articles'],
  'sum.incidents': ['حوادث', 'incidents'],
  'sum.attacks': ['هجمات', 'attacks'],
  'sum.claims': ['أرقام خسائر', 'casualty figures'],
  'sum.claimants': ['جهات تعلن أرقاماً', 'claimants'],
  'sum.copies': ['نسخ منقولة', 'syndicated copies'],
  'sum.between': ['الحوادث بين {a} و{b}', 'Incidents from {a} to {b}'],
  'sum.parties': ['أكثر الأطراف ذكراً: {p}', 'Most involved: {p}'],
  'sum.top': ['أعلى أرقام القتلى المعلنة:', 'Highest death tolls claimed:'],
  'sum.of': ['من', 'of'],
  'sum.read': ['كل حادثة تُجمع من مقالات عدّة؛ انقر حادثةً لترى مصادرها، ومصدراً لترى الدليل في نصّ المقال.',
    'Each incident merges the reports of several articles; click an incident for its sources, and a source for the evidence in the article.'],
  'filter.country': ['الدولة', 'Country'],
  'filter.type': ['النوع', 'Type'],
  'filter.from': ['من', 'From'],
  'filter.to': ['إلى', 'To'],
  'filter.q': ['كلمات', 'Words'],
  'filter.q.hint': ['في الأدلة والأسماء', 'in evidence and names'],
  'filter.all': ['الكل', 'All'],
  'filter.reset': ['إلغاء التصفية', 'Clear filters'],
  'tl.title': ['الخط الزمني للحوادث', 'Timeline of incidents'],
  'tl.none': ['لا حوادث بهذه الشروط.', 'No incidents match.'],
  'tl.count': ['{n} حادثة', '{n} incidents'],
  'tl.reported': ['تاريخ النشر', 'date of report'],
  'tl.month': ['خلال الشهر', 'during the month'],
  'tl.year': ['خلال العام', 'during the year'],
  'tl.undated': ['غير مؤرَّخة', 'undated'],
  'tl.more': ['عرض المزيد ({n})', 'Show more ({n})'],
  'inc.sources': ['{n} مصدر', '{n} sources'],
  'inc.source1': ['مصدر واحد', '1 source'],
  'inc.killed': ['{n} قتيلاً', '{n} killed'],
  'inc.disputed': ['متنازع عليه', 'disputed'],
  'inc.denied': ['منفيّ', 'denied'],
  'inc.planned': ['مُعلَن فقط', 'announced only'],
  'inc.in': ['في', 'in'],
  'map.title': ['الخريطة', 'Map'],
  'map.note': ['الدوائر في أماكن الحوادث، وحجمها بعدد القتلى المعلن وعدد الحوادث.',
    'Circles at the places of incidents, sized by reported deaths and number of incidents.'],
  'map.unplaced': ['{n} حادثة بلا مكان معروف ليست على الخريطة.', '{n} incidents without a known place are not on the map.'],
  'map.more': ['و{n} غيرها', 'and {n} more'],
  'claims.title': ['الأرقام المعلنة للخسائر', 'Reported casualty figures'],
  'claims.note': ['كل خط جهةٌ تعلن أرقام خسائر طرفٍ ما. لا تُجمع أرقام الجهات المختلفة ولا يُحسب متوسطها.',
    'Each line is one claimant\'s figures for one side. Figures of different claimants are never added up or averaged.'],
  'claims.kind': ['الفئة', 'Kind'],
  'claims.none': ['لا أرقام من هذه الفئة.', 'No figures of this kind.'],
  'claims.ledger': ['سجلّ الأرقام حسب الجهة المعلنة', 'The ledger, by claimant'],
  'claims.article': ['المقال نفسه', 'the article itself'],
  'claims.unknownSide': ['طرف غير محدد', 'side not stated'],
  'claims.losses': ['خسائر {s}', 'losses of {s}'],
  'claims.lossesUnknown': ['خسائر طرف غير محدد', 'losses, side not stated'],
  'claims.running': ['إجمالي تراكمي', 'running total'],
  'claims.date': ['التاريخ', 'Date'],
  'claims.side': ['الطرف', 'Side'],
  'claims.figure': ['الرقم', 'Figure'],
  'claims.source': ['المصدر', 'Source'],
  'claims.logscale': ['المحور الرأسي لوغاريتمي.', 'The vertical axis is logarithmic.'],
  'claims.capped': ['عُرض أول {n} رقم.', 'First {n} figures shown.'],
  'claims.evidence': ['دليل الطرف', 'Side from'],
  'basis.nationality': ['الجنسية', 'nationality'],
  'basis.membership': ['الانتماء', 'membership'],
  'basis.others': ['الرقم السابق', 'the figure before'],
  'basis.claimant': ['خسائر الجهة المعلنة', "the claimant's own"],
  'basis.target': ['هدف الهجوم', 'target of the attack'],
  'basis.place': ['مكان الإصابة', 'place hit'],
  'i.when': ['متى', 'When'],
  'i.where': ['أين', 'Where'],
  'i.who': ['من فعل بمن', 'Who did what to whom'],
  'i.countries': ['الدول المعنية', 'Countries involved'],
  'i.reported': ['نُشر بين', 'Reported between'],
  'i.fatalities': ['القتلى', 'Deaths'],
  'i.fatalities.none': ['لم يُذكر رقم', 'no figure given'],
  'i.figures': ['أرقام الخسائر المذكورة معها', 'Casualty figures stated with it'],
  'i.sources': ['المصادر ({n})', 'Sources ({n})'],
  'i.planned_by': ['أُعلن عنه مسبقاً في', 'Announced earlier in'],
  'i.status': ['الحالة', 'Status'],
  'i.status.reported': ['وقع (بحسب مصدر واحد على الأقل)', 'happened (by at least one source)'],
  'i.status.denied': ['منفيّ فقط', 'only denied'],
  'i.status.planned': ['مُعلَن، لم يُبلَّغ عن وقوعه بعد', 'announced, not yet reported as happened'],
  'i.disputed': ['بعض المصادر تنفي ما تقوله مصادر أخرى', 'some sources deny what others report'],
  'i.claimant': ['بحسب', 'according to'],
  'i.date_given': ['التاريخ المذكور', 'date given'],
  'i.open': ['افتح المقال مع الدليل', 'Open the article with the evidence'],
  'i.copies': ['{n} نسخة منقولة لم تُحسب مرة أخرى', '{n} syndicated copies, not counted again'],
  'i.published': ['نُشر', 'published'],
  'i.confidence': ['الثقة', 'confidence'],
  'a.legend': ['ما ظُلِّل في النص', 'What is highlighted'],
  'a.entity': ['كيانات', 'entities'],
  'a.time': ['أزمنة', 'times'],
  'a.casualty': ['خسائر', 'casualties'],
  'a.trigger': ['أفعال الأحداث', 'event triggers'],
  'a.events': ['الأحداث في المقال ({n})', 'Events in the article ({n})'],
  'a.figures': ['أرقام الخسائر في المقال ({n})', 'Casualty figures in the article ({n})'],
  'a.untitled': ['(مقال بلا عنوان)', '(untitled article)'],
  'a.evidence': ['الجملة المعنية مظلَّلة بالأصفر.', 'The sentence in question is highlighted in yellow.'],
  's.title': ['نتائج البحث عن «{q}»', 'Search results for “{q}”'],
  's.none': ['لم يُعثر على مقال.', 'No article found.'],
  's.count': ['{n} مقال', '{n} articles'],
  'err.prefix': ['تعذّر التحميل: ', 'Could not load: '],
  'loading': ['جارٍ التحميل…', 'Loading…'],
};

const state = {
  lang: localStorage.getItem('rasd.lang') === 'en' ? 'en' : 'ar',
  entities: new Map(),
  stats: null,
  allIncidents: null,
  map: null,
  plot: null,
  world: null,
  routeToken: 0,
};

const li = () => (state.lang === 'ar' ? 0 : 1);

function t(key, vars) {
  const pair = T[key];
  let s = pair ? pair[li()] : key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
const pick = (table, key) => (table[key] ? table[key][li()] : key || '');
const typeLabel = (ty) => pick(TYPES, ty);
const typeCat = (ty) => (TYPES[ty] ? TYPES[ty][2] : 'coop');
const modeLabel = (m) => (m ? pick(MODES, m) : '');

// ---------------------------------------------------------------------------------------
// DOM helpers: text is always a text node.

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, kids);
  return e;
}

function append(parent, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false) continue;
    parent.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return parent;
}

const bdi = (s) => el('bdi', null, s);
const fmtNum = (n) => Number(n).toLocaleString('en-US');

function fmtDate(iso, short) {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const locale = state.lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  const d = new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
  const opts = { timeZone: 'UTC', year: 'numeric' };
  if (m[2]) opts.month = short ? 'short' : 'long';
  if (m[3]) opts.day = 'numeric';
  return new Intl.DateTimeFormat(locale, opts).format(d);
}

// ---------------------------------------------------------------------------------------
// Entities: names in both languages where the knowledge base has them.

function rememberRefs(refs) {
  for (const r of refs || []) if (r && r.id && !state.entities.has(r.id)) state.entities.set(r.id, r);
}

function entityNames(id) {
  const e = state.entities.get(id);
  let ar = e && e.name_ar;
  let en = e && e.name;
  if (!ar && !en && id && id.startsWith('new:')) ar = id.split(':').slice(2).join(':');
  return { ar, en, id, kind: e ? e.kind : (id && /^[A-Z]{3}$/.test(id) ? 'country' : null) };
}

// "أرمينيا / Armenia" (Arabic first in Arabic, English first in English).
function entityText(id) {
  if (!id) return '';
  const { ar, en } = entityNames(id);
  const [a, b] = state.lang === 'ar' ? [ar, en] : [en, ar];
  if (a && b && a !== b) return `${a} / ${b}`;
  return a || b || id;
}

function entityEl(id) {
  const { ar, en, kind } = entityNames(id);
  const [a, b] = state.lang === 'ar' ? [ar, en] : [en, ar];
  const span = el('span', { class: `ent ent-${kind || 'other'}`, title: id });
  if (a && b && a !== b) append(span, [bdi(a), el('span', { class: 'alt' }, ' / ', bdi(b))]);
  else span.append(bdi(a || b || id));
  return span;
}

function entityList(ids) {
  const out = [];
  ids.forEach((id, i) => {
    if (i) out.push(state.lang === 'ar' ? '، ' : ', ');
    out.push(entityEl(id));
  });
  return out;
}

function placeEl(place) {
  if (!place) return null;
  if (!state.entities.has(place.id)) state.entities.set(place.id, { ...place, kind: place.precision === 'country' ? 'country' : 'place' });
  return entityEl(place.id);
}

// ---------------------------------------------------------------------------------------
// API

class ApiError extends Error {}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  const res = await fetch(url);
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : `${res.status} ${res.statusText}`;
    throw new ApiError(`${path}: ${msg}`);
  }
  return body;
}

// Every page of a list endpoint, up to `max` items.
async function apiAll(path, params, max = 2000) {
  const items = [];
  let offset = 0;
  while (items.length < max) {
    const page = await api(path, { ...params, limit: 500, offset });
    items.push(...page.items);
    if (page.next_offset === null || page.next_offset === undefined || !page.items.length) break;
    offset = page.next_offset;
  }
  return items;
}

function showError(err) {
  const box = document.getElementById('error');
  box.hidden = false;
  box.textContent = t('err.prefix') + (err && err.message ? err.message : String(err));
}

function clearError() {
  const box = document.getElementById('error');
  box.hidden = true;
  box.textContent = '';
}

async function loadBase() {
  if (state.stats) return;
  const [stats, incidents, entities, claims] = await Promise.all([
    api('/api/stats'),
    apiAll('/api/incidents'),
    apiAll('/api/entities', {}, 3000),
    apiAll('/api/claims', {}, 1000),
  ]);
  state.claims = claims;
  for (const e of entities) if (e && e.id) state.entities.set(e.id, e);
  for (const inc of incidents) rememberRefs(inc.refs);
  state.stats = stats;
  state.allIncidents = incidents;
}

// ---------------------------------------------------------------------------------------
// Routing: #/ (overview, with ?country=&type=&from=&to=), #/incident/ID, #/article/ID,
// #/search?q=

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query || '') };
}

function hashFor(parts, params) {
  const p = '#/' + parts.map(encodeURIComponent).join('/');
  const q = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString() : '';
  return q ? `${p}?${q}` : p;
}

async function route() {
  const token = ++state.routeToken;
  clearError();
  const { parts, params } = parseHash();
  const view = document.getElementById('view');
  teardown();
  view.replaceChildren(el('p', { class: 'loading' }, t('loading')));
  try {
    await loadBase();
    if (token !== state.routeToken) return;
    renderSummary();
    let node;
    if (parts[0] === 'incident' && parts[1]) node = await incidentView(parts[1]);
    else if (parts[0] === 'article' && parts[1]) node = await articleView(parts[1], params);
    else if (parts[0] === 'search') node = await searchView(params.get('q') || '');
    else node = await overview(params);
    if (token !== state.routeToken) return;
    renderCrumbs(parts);
    view.replaceChildren(node.el);
    if (node.after) node.after();
    document.body.dataset.view = parts[0] || 'overview';
    document.body.dataset.ready = '1';
  } catch (err) {
    if (token !== state.routeToken) return;
    view.replaceChildren();
    showError(err);
    document.body.dataset.ready = '1';
  }
}

function teardown() {
  if (state.map) {
    state.map.remove();
    state.map = null;
  }
  if (state.plot) {
    state.plot.destroy();
    state.plot = null;
  }
  document.body.dataset.ready = '';
}

function renderCrumbs(parts) {
  const nav = document.getElementById('crumbs');
  nav.replaceChildren();
  if (parts.length && parts[0] !== '') {
    const arrow = state.lang === 'ar' ? '→ ' : '← ';
    nav.append(el('a', { href: '#/', class: 'back' }, arrow + t('nav.back')));
  }
}

// ---------------------------------------------------------------------------------------
// Header summary

function renderSummary() {
  const box = document.getElementById('summary');
  const s = state.stats;
  const inc = state.allIncidents;
  const attacks = inc.filter((i) => i.type === 'ASSAULT').length;
  const dates = inc.map((i) => i.date || i.first_reported).filter(Boolean).sort();
  const tally = new Map();
  for (const i of inc) for (const c of i.countries || []) tally.set(c, (tally.get(c) || 0) + 1);
  const top = [...tally.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([c]) => c);
  const tile = (n, key, cls) => el('div', { class: `tile ${cls || ''}` }, el('b', null, fmtNum(n)), el('span', null, t(key)));
  const tiles = el('div', { class: 'tiles' },
    tile(s.documents - (s.copies || 0), 'sum.documents'),
    tile(s.incidents, 'sum.incidents'),
    tile(attacks, 'sum.attacks', 'violent'),
    tile(s.claims, 'sum.claims'),
    s.copies ? tile(s.copies, 'sum.copies') : null);
  const lines = el('div', { class: 'sum-lines' });
  if (dates.length) {
    const a = fmtDate(dates[0]);
    const b = fmtDate(dates[dates.length - 1]);
    lines.append(el('p', null, t('sum.between', { a, b })));
  }
  if (top.length) {
    const p = el('p', null);
    const [before, after] = t('sum.parties', { p: '\u0000' }).split('\u0000');
    append(p, [before, entityList(top), after]);
    lines.append(p);
  }
  // The largest death tolls named claimants give, one per claimant (never combined).
  const best = new Map();
  for (const c of state.claims || []) {
    if (c.kind !== 'killed' || !c.claimant) continue;
    if (!best.has(c.claimant) || best.get(c.claimant).count < c.count) best.set(c.claimant, c);
  }
  const tops = [...best.values()].sort((a, b) => b.count - a.count).slice(0, 3);
  if (tops.length) {
    const p = el('p', { class: 'tops' }, t('sum.top'), ' ');
    tops.forEach((c, n) => {
      if (n) p.append(' · ');
      append(p, [el('b', null, figureText(c)), ' ', pick(KINDS, c.kind),
        c.group !== 'unspecified' ? ` ${pick(GROUPS, c.group)}` : '',
        c.side ? [' ', t('sum.of'), ' ', entityEl(c.side)] : '',
        ' (', t('i.claimant'), ' ', entityEl(c.claimant), ')']);
    });
    lines.append(p);
  }
  lines.append(el('p', { class: 'hint' }, t('sum.read')));
  box.replaceChildren(tiles, lines);
}

// ---------------------------------------------------------------------------------------
// Overview: filters, timeline, map, claims

async function overview(params) {
  const f = {
    country: params.get('country') || '',
    type: params.get('type') || '',
    from: params.get('from') || '',
    to: params.get('to') || '',
    q: params.get('q') || '',
  };
  const filtered = f.country || f.type || f.from || f.to || f.q;
  const [incidents, claims] = await Promise.all([
    filtered ? apiAll('/api/incidents', f) : Promise.resolve(state.allIncidents),
    f.country || f.from || f.to ? apiAll('/api/claims', { country: f.country, from: f.from, to: f.to }, 1000) : Promise.resolve(state.claims),
  ]);
  for (const i of incidents) rememberRefs(i.refs);

  const root = el('div', { class: 'overview' });
  root.append(filtersEl(f));
  const timeline = timelineEl(incidents);
  const mapPanel = el('section', { class: 'panel map-panel', id: 'map-panel' },
    el('h2', null, t('map.title')),
    el('p', { class: 'note' }, t('map.note')),
    el('div', { id: 'map', dir: 'ltr' }));
  const claimsPanel = claimsPanelEl(claims);
  root.append(el('div', { class: 'grid' }, timeline, el('div', { class: 'side' }, mapPanel, claimsPanel.el)));
  return {
    el: root,
    after: () => {
      drawMap(incidents, mapPanel);
      claimsPanel.after();
    },
  };
}

function filtersEl(f) {
  const countries = new Set();
  const types = new Set();
  for (const i of state.allIncidents) {
    for (const c of i.countries || []) countries.add(c);
    types.add(i.type);
  }
  const go = (patch) => {
    location.hash = hashFor([], { ...f, ...patch });
  };
  const countrySel = el('select', { id: 'filter-country', onchange: (e) => go({ country: e.target.value }) },
    el('option', { value: '' }, t('filter.all')),
    [...countries].map((c) => ({ c, label: entityText(c) }))
      .sort((a, b) => a.label.localeCompare(b.label, state.lang))
      .map(({ c, label }) => el('option', { value: c, selected: c === f.country }, label)));
  const typeSel = el('select', { id: 'filter-type', onchange: (e) => go({ type: e.target.value }) },
    el('option', { value: '' }, t('filter.all')),
    Object.keys(TYPES).filter((ty) => types.has(ty))
      .map((ty) => el('option', { value: ty, selected: ty === f.type }, `${typeLabel(ty)} (${ty})`)));
  const words = el('input', {
    type: 'search', id: 'filter-q', value: f.q, placeholder: t('filter.q.hint'),
    onchange: (e) => go({ q: e.target.value.trim() }),
  });
  // A text field in ISO form rather than type=date, which shows the browser's own
  // locale (mm/dd/yyyy on an Arabic page); a value not of that form is marked, not sent.
  const dateIn = (key) => el('input', {
    type: 'text', id: `filter-${key}`, class: 'day', value: f[key] || '', placeholder: 'YYYY-MM-DD',
    inputmode: 'numeric', pattern: '\\d{4}-\\d{2}-\\d{2}', autocomplete: 'off',
    onchange: (e) => {
      // Arabic-Indic digits are taken as the digits they are.
      const v = e.target.value.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
      const ok = v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);
      e.target.setCustomValidity(ok ? '' : 'YYYY-MM-DD');
      if (ok) go({ [key]: v });
    },
  });
  return el('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    el('label', null, t('filter.country'), countrySel),
    el('label', null, t('filter.type'), typeSel),
    el('label', null, t('filter.from'), dateIn('from')),
    el('label', null, t('filter.to'), dateIn('to')),
    el('label', null, t('filter.q'), words),
    (f.country || f.type || f.from || f.to || f.q) ? el('a', { href: '#/', class: 'reset' }, t('filter.reset')) : null);
}

// The day an incident is listed under, and how precise that is.
function dayOf(i) {
  if (i.date && i.date_precision !== 'reported') return { key: i.date, prec: i.date_precision };
  if (i.first_reported) return { key: i.first_reported, prec: 'reported' };
  return { key: '', prec: 'undated' };
}

function typeBadge(type, mode) {
  const other = TYPES[type] ? TYPES[type][1 - li()] : type;
  const b = el('span', { class: `badge cat-${typeCat(type)}`, title: type },
    bdi(typeLabel(type)), el('span', { class: 'alt' }, ' / ', bdi(other)));
  const m = modeLabel(mode);
  return m ? [b, el('span', { class: 'mode' }, m)] : [b];
}

function dyadEl(actors, targets) {
  const arrow = state.lang === 'ar' ? ' ← ' : ' → ';
  const out = el('span', { class: 'dyad' });
  if (actors.length) append(out, entityList(actors));
  if (targets.length) append(out, [el('span', { class: 'arrow' }, actors.length ? arrow : ''), entityList(targets)]);
  return out;
}

function marksEl(i) {
  const out = [];
  if (i.disputed) out.push(el('span', { class: 'mark disputed' }, t('inc.disputed')));
  if (i.status === 'denied') out.push(el('span', { class: 'mark denied' }, t('inc.denied')));
  if (i.status === 'planned') out.push(el('span', { class: 'mark planned' }, t('inc.planned')));
  return out;
}

function sourcesText(n) {
  return n === 1 ? t('inc.source1') : t('inc.sources', { n });
}

function incidentRow(i) {
  const facts = el('div', { class: 'facts' });
  if (i.place) append(facts, [el('span', { class: 'where' }, t('inc.in'), ' ', placeEl(i.place))]);
  if (i.fatalities !== null && i.fatalities !== undefined) {
    facts.append(el('span', { class: 'fatal', title: i.fatalities_note || '' }, t('inc.killed', { n: fmtNum(i.fatalities) })));
  }
  facts.append(el('span', { class: 'nsrc' }, sourcesText(i.sources.length)));
  return el('a', { class: `incident cat-${typeCat(i.type)}`, href: hashFor(['incident', i.id]), 'data-id': i.id },
    el('div', { class: 'head' }, typeBadge(i.type, i.mode), marksEl(i)),
    el('div', { class: 'who' }, dyadEl(i.actors || [], i.targets || [])),
    facts);
}

function timelineEl(incidents) {
  const days = new Map();
  for (const i of incidents) {
    const d = dayOf(i);
    const k = `${d.key}|${d.prec === 'reported' ? 'day' : d.prec}`;
    if (!days.has(k)) days.set(k, { ...d, items: [] });
    days.get(k).items.push(i);
  }
  const keys = [...days.keys()].sort();
  const list = el('ol', { class: 'days', id: 'timeline-list' });
  const LIMIT = 80;
  let shown = 0;
  const renderDay = (k) => {
    const d = days.get(k);
    const order = { ASSAULT: 0, COERCE: 1 };
    d.items.sort((a, b) => (order[a.type] ?? 9) - (order[b.type] ?? 9) || b.sources.length - a.sources.length);
    const precNote = { month: t('tl.month'), year: t('tl.year') }[d.prec];
    const reported = d.items.every((i) => i.date_precision === 'reported');
    return el('li', { class: 'day' },
      el('div', { class: 'date' },
        el('span', { class: 'd' }, d.key ? fmtDate(d.key) : t('tl.undated')),
        precNote ? el('span', { class: 'prec' }, precNote) : null,
        reported ? el('span', { class: 'prec' }, t('tl.reported')) : null),
      el('div', { class: 'items' }, d.items.map(incidentRow)));
  };
  const addUpTo = (n) => {
    while (shown < keys.length && n > 0) {
      const node = renderDay(keys[shown]);
      n -= days.get(keys[shown]).items.length;
      shown += 1;
      list.append(node);
    }
  };
  addUpTo(LIMIT);
  const panel = el('section', { class: 'panel timeline', id: 'timeline' },
    el('h2', null, t('tl.title'), ' ', el('small', null, t('tl.count', { n: fmtNum(incidents.length) }))),
    incidents.length ? list : el('p', { class: 'empty' }, t('tl.none')));
  if (shown < keys.length) {
    const more = el('button', { type: 'button', class: 'more' });
    const label = () => {
      let left = 0;
      for (let j = shown; j < keys.length; j++) left += days.get(keys[j]).items.length;
      more.textContent = t('tl.more', { n: left });
      more.hidden = shown >= keys.length;
    };
    more.addEventListener('click', () => {
      addUpTo(LIMIT);
      label();
    });
    label();
    panel.append(more);
  }
  return panel;
}

// ---------------------------------------------------------------------------------------
// Map: countries from the Natural Earth TopoJSON, no tiles.

async function worldGeo() {
  if (!state.world) {
    const res = await fetch('/assets/vendor/world-atlas/countries-50m.json');
    const topo = await res.json();
    const geo = topojson.feature(topo, topo.objects.countries);
    // Antarctica wraps the pole and fills the bottom of a Mercator map; drop it.
    geo.features = geo.features.filter((f) => f.properties.name !== 'Antarctica');
    for (const f of geo.features) unwrapGeometry(f.geometry);
    state.world = geo;
  }
  return state.world;
}

// Rings that cross the 180° meridian (Russia, Fiji) jump from +180 to -180 and would be
// drawn as bands across the whole map: continue them past 180 instead.
function unwrapGeometry(g) {
  if (!g) return;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let k = 1; k < ring.length; k++) {
        const prev = ring[k - 1][0];
        let lon = ring[k][0];
        while (lon - prev > 180) lon -= 360;
        while (lon - prev < -180) lon += 360;
        ring[k] = [lon, ring[k][1]];
      }
    }
  }
}

const CAT_COLOR = { violent: '#c0392b', verbal: '#8e44ad', coop: '#1f6fb2' };

async function drawMap(incidents, panel) {
  const box = document.getElementById('map');
  if (!box) return;
  const map = L.map(box, { zoomSnap: 0.25, minZoom: 1, maxZoom: 9, worldCopyJump: false, attributionControl: true });
  state.map = map;
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth · Leaflet');
  map.setView([35, 45], 3);

  const involvedNames = new Set();
  for (const i of incidents) {
    for (const c of i.countries || []) {
      const e = state.entities.get(c);
      if (e && e.name) involvedNames.add(e.name);
    }
  }
  let geo;
  try {
    geo = await worldGeo();
  } catch (err) {
    showError(err);
    return;
  }
  if (state.map !== map) return;
  L.geoJSON(geo, {
    style: (ft) => ({
      color: '#8c8c8c',
      weight: 0.6,
      fillColor: involvedNames.has(ft.properties.name) ? '#f4dfb8' : '#ecebe6',
      fillOpacity: 1,
    }),
    onEachFeature: (ft, layer) => layer.bindTooltip(() => el('span', null, ft.properties.name), { sticky: true, direction: 'top', className: 'country-tip' }),
  }).addTo(map);

  // One circle per place: incidents there, sized by deaths and by how many.
  const places = new Map();
  let unplaced = 0;
  for (const i of incidents) {
    const p = i.place;
    if (!p || p.lat === null || p.lon === null || p.lat === undefined || p.lon === undefined) {
      unplaced += 1;
      continue;
    }
    if (!places.has(p.id)) places.set(p.id, { place: p, items: [], deaths: 0 });
    const g = places.get(p.id);
    g.items.push(i);
    g.deaths += i.fatalities || 0;
  }
  const groups = [...places.values()].sort((a, b) => b.items.length - a.items.length);
  const bounds = [];
  // Largest first so that small circles stay clickable on top.
  for (const g of [...groups].sort((a, b) => radius(b) - radius(a))) {
    const cats = g.items.map((i) => typeCat(i.type));
    const cat = cats.includes('violent') ? 'violent' : cats.includes('verbal') ? 'verbal' : 'coop';
    const m = L.circleMarker([g.place.lat, g.place.lon], {
      radius: radius(g),
      color: '#fff',
      weight: 1.5,
      fillColor: CAT_COLOR[cat],
      fillOpacity: 0.72,
      className: `incident-marker cat-${cat}`,
    }).addTo(map);
    // Leaflet puts string content in as HTML: hand it elements only.
    m.bindTooltip(() => el('span', null, `${entityText(g.place.id)} · ${g.items.length}${g.deaths ? ` · ${t('inc.killed', { n: fmtNum(g.deaths) })}` : ''}`),
      { direction: 'top' });
    m.bindPopup(() => popupEl(g), { maxWidth: 320 });
  }
  // Frame the region around the place with most incidents (far-off single reports stay a
  // zoom away) when it holds at least half of them, else every place.
  const placed = groups.reduce((n, g) => n + g.items.length, 0);
  if (groups.length) {
    const near = groups.filter((g) => km(g.place, groups[0].place) <= 1500);
    const covered = near.reduce((n, g) => n + g.items.length, 0);
    for (const g of covered >= 0.5 * placed ? near : groups) bounds.push([g.place.lat, g.place.lon]);
  }
  if (bounds.length === 1) map.setView(bounds[0], 6, { animate: false });
  else if (bounds.length) map.fitBounds(bounds, { padding: [60, 60], maxZoom: 6, animate: false });
  // Name the busiest places, skipping a name that would overlap one already shown.
  const boxes = [];
  const width = map.getSize().x;
  const view = map.getBounds();
  for (const g of groups.filter((x) => view.contains([x.place.lat, x.place.lon]))) {
    const name = state.lang === 'ar' ? (g.place.name_ar || g.place.name || g.place.id) : (g.place.name || g.place.name_ar || g.place.id);
    const pt = map.latLngToContainerPoint([g.place.lat, g.place.lon]);
    const w = 7 * Array.from(name).length + 12;
    const r = radius(g);
    const left = pt.x > width * 0.6;
    const x0 = left ? pt.x - r - w : pt.x + r;
    const b = { x0, x1: x0 + w, y0: pt.y - 10, y1: pt.y + 10 };
    if (boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1)) continue;
    boxes.push(b, { x0: pt.x - r, x1: pt.x + r, y0: pt.y - r, y1: pt.y + r });
    L.tooltip({ permanent: true, direction: left ? 'left' : 'right', className: 'place-label', offset: [left ? -r : r, 0] })
      .setLatLng([g.place.lat, g.place.lon])
      .setContent(el('span', null, name))
      .addTo(map);
    if (boxes.length >= 16) break;
  }
  if (unplaced) panel.append(el('p', { class: 'note' }, t('map.unplaced', { n: unplaced })));
  box.dataset.markers = String(groups.length);
}

// Great-circle distance in km between two {lat, lon}.
function km(a, b) {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2
    + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function radius(g) {
  return 5 + 2.2 * Math.sqrt(g.items.length) + 4 * Math.log10(1 + g.deaths);
}

function popupEl(g) {
  const box = el('div', { class: 'popup', dir: state.lang === 'ar' ? 'rtl' : 'ltr' });
  box.append(el('h3', null, entityText(g.place.id)));
  const ul = el('ul');
  for (const i of g.items.slice(0, 8)) {
    ul.append(el('li', null, el('a', { href: hashFor(['incident', i.id]) },
      el('span', { class: `dot cat-${typeCat(i.type)}` }), typeLabel(i.type), ' · ', fmtDate(dayOf(i).key, true))));
  }
  box.append(ul);
  if (g.items.length > 8) box.append(el('p', null, t('map.more', { n: g.items.length - 8 })));
  return box;
}

// ---------------------------------------------------------------------------------------
// Claims: chart per claimant and side over time, and the ledger.

const PALETTE = ['#c0392b', '#1f6fb2', '#27ae60', '#8e44ad', '#d68910', '#16a085', '#7f8c8d', '#e84393', '#2c3e50', '#a04000'];

function claimDate(c) {
  return c.date && c.date.length === 10 ? c.date : (c.doc && c.doc.published) || null;
}

function claimantText(c) {
  if (!c.claimant) return t('claims.article');
  if (state.entities.has(c.claimant)) return entityText(c.claimant);
  return c.claimant_name || c.claimant;
}

function sideText(c) {
  if (!c.side) return t('claims.unknownSide');
  if (state.entities.has(c.side)) return entityText(c.side);
  return c.side_name || c.side;
}

// What set a figure's side, and the words that said it: "place hit: «في الفاشر»".
function sideEvidenceEl(c) {
  if (!c.side || !c.side_basis) return null;
  const words = c.side_words ? el('bdi', null, ` «${c.side_words}»`) : '';
  return el('span', { class: 'note side-evidence', 'data-basis': c.side_basis }, ' (', t(`basis.${c.side_basis}`), words, ')');
}

function figureText(c) {
  const pre = { at_least: '≥ ', about: '~ ', at_most: '≤ ' }[c.bound] || '';
  return pre + fmtNum(c.count);
}

function claimsPanelEl(claims) {
  for (const c of claims) {
    if (c.claimant && !state.entities.has(c.claimant)) state.entities.set(c.claimant, { id: c.claimant, name: c.claimant_name, name_ar: c.claimant_name_ar });
    if (c.side && !state.entities.has(c.side)) state.entities.set(c.side, { id: c.side, name: c.side_name, name_ar: c.side_name_ar, kind: 'country' });
  }
  const kinds = Object.keys(KINDS).filter((k) => claims.some((c) => c.kind === k));
  let kind = kinds.includes('killed') ? 'killed' : kinds[0] || 'killed';
  const chartBox = el('div', { id: 'claims-chart', dir: 'ltr' });
  const ledgerBox = el('div', { class: 'ledger' });
  const sel = el('select', { id: 'claims-kind' },
    kinds.map((k) => el('option', { value: k, selected: k === kind }, pick(KINDS, k))));
  const panel = el('section', { class: 'panel claims-panel', id: 'claims-panel' },
    el('h2', null, t('claims.title')),
    el('p', { class: 'note' }, t('claims.note')),
    kinds.length ? el('label', { class: 'kind' }, t('claims.kind'), ' ', sel) : null,
    chartBox,
    ledgerBox);
  const draw = () => {
    if (state.plot) {
      state.plot.destroy();
      state.plot = null;
    }
    chartBox.replaceChildren();
    const rows = claims.filter((c) => c.kind === kind);
    ledgerBox.replaceChildren(ledgerEl(rows));
    drawClaimsChart(chartBox, rows);
  };
  sel.addEventListener('change', () => {
    kind = sel.value;
    draw();
  });
  return { el: panel, after: draw };
}

function drawClaimsChart(box, rows) {
  const dated = rows.filter((c) => claimDate(c) && c.count > 0);
  if (!dated.length) {
    box.append(el('p', { class: 'empty' }, t('claims.none')));
    return;
  }
  const series = new Map();
  for (const c of dated) {
    const key = `${c.claimant || '-'}|${c.side || '-'}`;
    if (!series.has(key)) {
      const who = claimantText(c);
      const side = c.side ? t('claims.losses', { s: sideText(c) }) : t('claims.lossesUnknown');
      series.set(key, { label: `${who} — ${side}`, points: new Map(), named: !!c.claimant, bases: new Set() });
    }
    const s = series.get(key);
    if (c.side && c.side_basis) s.bases.add(t(`basis.${c.side_basis}`));
    const x = Date.parse(`${claimDate(c)}T00:00:00Z`) / 1000;
    s.points.set(x, Math.max(s.points.get(x) || 0, c.count));
  }
  const xs = [...new Set([].concat(...[...series.values()].map((s) => [...s.points.keys()])))].sort((a, b) => a - b);
  const data = [xs];
  const opts = {
    width: Math.max(280, box.clientWidth || 480),
    height: 260,
    scales: { x: { time: true }, y: { distr: 3 } },
    legend: { live: false },
    cursor: { points: { size: 8 } },
    axes: [
      { values: (u, splits) => splits.map((s) => fmtDate(new Date(s * 1000).toISOString().slice(0, 10), true)), font: '11px sans-serif' },
      // A log axis splits at 1..9 × 10^k: label only the powers of ten.
      { values: (u, splits) => splits.map((s) => (Math.abs(Math.log10(s) % 1) < 1e-9 ? fmtNum(s) : '')), font: '11px sans-serif', size: 60 },
    ],
    series: [{ label: t('claims.date'), value: (u, v) => (v === null ? '' : fmtDate(new Date(v * 1000).toISOString().slice(0, 10))) }],
  };
  let n = 0;
  for (const s of series.values()) {
    const color = PALETTE[n % PALETTE.length];
    n += 1;
    data.push(xs.map((x) => (s.points.has(x) ? s.points.get(x) : null)));
    // A claimant's figures over time are one line; figures in articles' own voice come from
    // unrelated reports, so they are points only.
    // The legend says what set the side of the line's figures.
    const label = s.bases.size ? `${s.label} (${t('claims.evidence')}: ${[...s.bases].join('، ')})` : s.label;
    opts.series.push({ label, stroke: color, fill: null, width: s.named ? 2 : 0, spanGaps: s.named, points: { show: true, size: 8, fill: color } });
  }
  state.plot = new uPlot(opts, data, box);
  state.plotBox = box;
  box.dataset.series = String(series.size);
  box.append(el('p', { class: 'note small' }, t('claims.logscale')));
}

function ledgerEl(rows) {
  const CAP = 200;
  const by = new Map();
  for (const c of rows.slice(0, CAP)) {
    const k = c.claimant || '-';
    if (!by.has(k)) by.set(k, []);
    by.get(k).push(c);
  }
  const box = el('div');
  if (!rows.length) return box;
  box.append(el('h3', null, t('claims.ledger')));
  for (const list of by.values()) {
    list.sort((a, b) => String(claimDate(a)).localeCompare(String(claimDate(b))));
    const table = el('table', { class: 'claims' },
      el('caption', null, claimantText(list[0])),
      el('thead', null, el('tr', null,
        el('th', null, t('claims.date')), el('th', null, t('claims.side')),
        el('th', null, t('claims.figure')), el('th', null, t('claims.source')))),
      el('tbody', null, list.map((c) => el('tr', null,
        el('td', null, fmtDate(claimDate(c), true)),
        el('td', null, c.side ? entityEl(c.side) : t('claims.unknownSide'), sideEvidenceEl(c)),
        el('td', { class: 'num' }, el('b', null, figureText(c)), ' ', pick(KINDS, c.kind),
          c.group !== 'unspecified' ? ` (${pick(GROUPS, c.group)})` : '',
          c.cumulative ? el('span', { class: 'mark running' }, t('claims.running')) : null),
        el('td', null, el('a', { href: hashFor(['article', c.doc.id], { c: String(c.idx) }), title: c.evidence }, docLabel(c.doc, 28)))))));
    box.append(table);
  }
  if (rows.length > CAP) box.append(el('p', { class: 'note' }, t('claims.capped', { n: CAP })));
  return box;
}

// A document's headline (cut to `max` characters), else its id written left to right.
function docLabel(doc, max) {
  if (!doc.title) return el('bdi', { dir: 'ltr', class: 'doc-id' }, doc.id);
  let s = doc.title;
  const cps = Array.from(s);
  if (max && cps.length > max) s = cps.slice(0, max).join('') + '…';
  return el('bdi', null, s);
}

// ---------------------------------------------------------------------------------------
// Incident view

async function incidentView(id) {
  const i = await api(`/api/incidents/${encodeURIComponent(id)}`);
  rememberRefs(i.refs);
  const root = el('article', { class: 'incident-view panel', 'data-id': i.id });
  root.append(el('h1', null, typeBadge(i.type, i.mode), ' ', marksEl(i)));
  root.append(el('p', { class: 'headline' }, dyadEl(i.actors || [], i.targets || [])));

  const d = dayOf(i);
  const dl = el('dl', { class: 'facts-list' });
  const row = (k, ...v) => dl.append(el('dt', null, t(k)), el('dd', null, ...v));
  row('i.when', d.key ? fmtDate(d.key) : t('tl.undated'), d.prec === 'reported' ? ` (${t('tl.reported')})` : '');
  if (i.place) row('i.where', placeEl(i.place));
  if ((i.countries || []).length) row('i.countries', entityList(i.countries));
  row('i.status', pick({ reported: T['i.status.reported'], denied: T['i.status.denied'], planned: T['i.status.planned'] }, i.status),
    i.disputed ? el('span', { class: 'mark disputed' }, t('i.disputed')) : null);
  if (i.first_reported) {
    row('i.reported', fmtDate(i.first_reported), i.last_reported && i.last_reported !== i.first_reported ? ` – ${fmtDate(i.last_reported)}` : '');
  }
  row('i.fatalities', i.fatalities !== null && i.fatalities !== undefined ? el('b', null, fmtNum(i.fatalities)) : t('i.fatalities.none'),
    i.fatalities_note ? el('span', { class: 'note' }, ' — ', i.fatalities_note) : null);
  root.append(dl);

  if ((i.figures || []).length) {
    root.append(el('h2', null, t('i.figures')));
    root.append(el('table', { class: 'claims' },
      el('tbody', null, i.figures.map((fg) => el('tr', null,
        el('td', null, fg.claimant ? entityEl(fg.claimant) : t('claims.article')),
        el('td', null, fg.side ? entityEl(fg.side) : t('claims.unknownSide')),
        el('td', { class: 'num' }, el('b', null, figureText(fg)), ' ', pick(KINDS, fg.kind),
          fg.group !== 'unspecified' ? ` (${pick(GROUPS, fg.group)})` : ''),
        el('td', null, el('a', { href: hashFor(['article', fg.doc_id], { c: String(fg.idx) }) },
          docLabel((i.sources.find((x) => x.doc.id === fg.doc_id) || { doc: { id: fg.doc_id } }).doc, 40))))))));
  }

  root.append(el('h2', null, t('i.sources', { n: i.sources.length })));
  root.append(el('ol', { class: 'sources' }, i.sources.map(sourceEl)));
  if ((i.planned_by || []).length) {
    root.append(el('h2', null, t('i.planned_by')));
    root.append(el('ol', { class: 'sources' }, i.planned_by.map(sourceEl)));
  }
  return { el: root };
}

function evidenceEl(evidence, trigger) {
  const p = el('blockquote', { class: 'evidence' });
  const at = trigger ? evidence.indexOf(trigger) : -1;
  if (at < 0) p.append(evidence);
  else append(p, [evidence.slice(0, at), el('mark', { class: 'trig' }, trigger), evidence.slice(at + trigger.length)]);
  return p;
}

function sourceEl(s) {
  const href = hashFor(['article', s.doc.id], { ev: String(s.event_idx) });
  const meta = el('div', { class: 'meta' },
    el('span', { class: `stance st-${s.stance}` }, pick(STANCES, s.stance)),
    s.claimant ? el('span', null, t('i.claimant'), ' ', entityEl(s.claimant)) : null,
    s.date ? el('span', null, t('i.date_given'), ': ', fmtDate(s.date)) : null,
    s.mode ? el('span', null, modeLabel(s.mode)) : null);
  return el('li', { class: 'source', 'data-doc': s.doc.id },
    el('a', { class: 'src-title', href },
      docLabel(s.doc, 90),
      s.doc.published ? el('span', { class: 'pub' }, ` · ${t('i.published')} ${fmtDate(s.doc.published)}`) : null),
    meta,
    evidenceEl(s.evidence || '', s.trigger),
    (s.copies || []).length ? el('p', { class: 'note' }, t('i.copies', { n: s.copies.length })) : null,
    el('a', { class: 'open', href }, t('i.open')));
}

// ---------------------------------------------------------------------------------------
// Article view: the text with its evidence highlighted by kind, displaCy-style.

const LAYERS = ['entity', 'time', 'casualty', 'trigger'];
// Which kind wins the outer position when two spans cover exactly the same characters.
const OUTER = { sentence: 0, casualty: 1, trigger: 2, entity: 3, time: 4 };

function spansOf(doc) {
  const spans = [];
  for (const e of doc.entities || []) {
    rememberRefs([e]);
    for (const m of e.mentions || []) {
      spans.push({ start: m.start, end: m.end, layer: 'entity', cls: `ek-${e.kind}`, label: pick(ENTITY_KINDS, e.kind), title: `${entityText(e.id)} · ${e.id}` });
    }
  }
  for (const tm of doc.times || []) {
    spans.push({ start: tm.start, end: tm.end, layer: 'time', cls: '', label: durationText(tm.value) || tm.value || '?', title: `${tm.kind}: ${tm.value || '?'}` });
  }
  (doc.casualties || []).forEach((c, idx) => {
    const who = c.claimant ? `${t('i.claimant')} ${entityText(c.claimant)}` : t('claims.article');
    const side = c.side ? entityText(c.side) : t('claims.unknownSide');
    spans.push({
      start: c.start, end: c.end, layer: 'casualty', cls: '', idx,
      label: `${figureText(c)} ${pick(KINDS, c.kind)}`,
      title: `${figureText(c)} ${pick(KINDS, c.kind)} ${c.group !== 'unspecified' ? pick(GROUPS, c.group) : ''} · ${side} · ${who}${c.cumulative ? ` · ${t('claims.running')}` : ''}`,
    });
  });
  (doc.events || []).forEach((ev, idx) => {
    if (!ev.trigger) return;
    spans.push({
      start: ev.trigger.start, end: ev.trigger.end, layer: 'trigger', cls: `cat-${typeCat(ev.type)}`, idx,
      label: typeLabel(ev.type),
      title: `${typeLabel(ev.type)} (${ev.type}) · ${pick(STANCES, ev.stance)}`,
    });
  });
  // Two events or figures on the same words are one mark with both labels.
  const merged = new Map();
  for (const sp of spans) {
    if (!Number.isInteger(sp.start) || !Number.isInteger(sp.end) || sp.end <= sp.start) continue;
    const key = `${sp.layer}:${sp.start}:${sp.end}`;
    const prev = merged.get(key);
    if (!prev) merged.set(key, { ...sp, idxs: sp.idx === undefined ? [] : [sp.idx] });
    else {
      if (!prev.label.split(' · ').includes(sp.label)) prev.label += ` · ${sp.label}`;
      if (!prev.title.split('\n').includes(sp.title)) prev.title += `\n${sp.title}`;
      if (sp.idx !== undefined) prev.idxs.push(sp.idx);
    }
  }
  return [...merged.values()];
}

// "P3D" → "3 days" / "3 يوم"; anything else → null.
const UNITS = { Y: ['سنة', 'years'], M: ['شهر', 'months'], W: ['أسبوع', 'weeks'], D: ['يوم', 'days'] };
function durationText(v) {
  const m = /^P(\d+)([YMWD])$/.exec(v || '');
  return m ? `${m[1]} ${UNITS[m[2]][li()]}` : null;
}

const spanOrder = (a, b) => a.start - b.start || b.end - a.end || OUTER[a.layer] - OUTER[b.layer];

// Builds nested marks over chars[from, to); a span crossing its parent's end is cut in two.
function nest(chars, spans, from, to) {
  const out = [];
  let pos = from;
  let rest = spans.slice().sort(spanOrder);
  while (rest.length) {
    const sp = rest.shift();
    const s = Math.max(sp.start, pos);
    if (sp.end <= s) continue;
    if (s > pos) out.push(chars.slice(pos, s).join(''));
    const inside = [];
    const later = [];
    for (const r of rest) {
      if (r.start >= sp.end) later.push(r);
      else if (r.end <= sp.end) inside.push(r);
      else {
        inside.push({ ...r, end: sp.end, cut: true });
        later.push({ ...r, start: sp.end, contd: true });
      }
    }
    out.push(markEl(sp, nest(chars, inside, s, sp.end)));
    pos = sp.end;
    rest = later.sort(spanOrder);
  }
  if (pos < to) out.push(chars.slice(pos, to).join(''));
  return out;
}

function markEl(sp, kids) {
  if (sp.layer === 'sentence') return el('span', { class: 'sent-focus', id: sp.contd ? null : 'evidence-focus' }, kids);
  const attrs = { class: `sp sp-${sp.layer} ${sp.cls}${sp.focus ? ' focus' : ''}`, title: sp.title, 'data-layer': sp.layer };
  if (sp.idxs && sp.idxs.length) attrs['data-idx'] = sp.idxs.join(' ');
  return el('mark', attrs, kids, sp.cut ? null : el('span', { class: 'lbl', 'aria-hidden': 'true', dir: sp.layer === 'time' ? 'ltr' : 'auto' }, sp.label));
}

async function articleView(id, params) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const chars = Array.from(doc.text || '');
  const spans = spansOf(doc);
  const evIdx = params.get('ev');
  const cIdx = params.get('c');
  let focusNote = null;
  if (evIdx !== null && doc.events && doc.events[+evIdx]) {
    const ev = doc.events[+evIdx];
    const sent = doc.sentences && doc.sentences[ev.sentence];
    if (sent) spans.push({ start: sent[0], end: sent[1], layer: 'sentence' });
    for (const s of spans) if (s.layer === 'trigger' && s.idxs.includes(+evIdx)) s.focus = true;
    focusNote = t('a.evidence');
  }
  if (cIdx !== null && doc.casualties && doc.casualties[+cIdx]) {
    const c = doc.casualties[+cIdx];
    const sent = doc.sentences && doc.sentences[c.sentence];
    if (sent) spans.push({ start: sent[0], end: sent[1], layer: 'sentence' });
    for (const s of spans) if (s.layer === 'casualty' && s.idxs.includes(+cIdx)) s.focus = true;
    focusNote = t('a.evidence');
  }

  const counts = {};
  for (const s of spans) counts[s.layer] = (counts[s.layer] || 0) + 1;
  const textBox = el('div', { class: 'doc-text', lang: 'ar', dir: 'rtl' }, nest(chars, spans, 0, chars.length));

  const legend = el('div', { class: 'legend', id: 'article-legend' }, el('strong', null, t('a.legend'), ': '),
    LAYERS.map((layer) => {
      const box = el('input', { type: 'checkbox', checked: true, 'data-layer': layer });
      box.addEventListener('change', () => textBox.classList.toggle(`hide-${layer}`, !box.checked));
      return el('label', { class: `chip chip-${layer}` }, box, el('span', { class: `swatch sp-${layer}` }), t(`a.${layer}`), ` (${counts[layer] || 0})`);
    }),
    el('span', { class: 'ekinds' }, Object.keys(ENTITY_KINDS).map((k) => el('span', { class: `swatch-ek ek-${k}` }, pick(ENTITY_KINDS, k)))));

  const head = el('header', { class: 'doc-head' },
    el('h1', { dir: 'auto' }, doc.title || t('a.untitled')),
    el('p', { class: 'meta' },
      doc.published ? `${t('i.published')} ${fmtDate(doc.published)}` : null,
      doc.url ? [' · ', el('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank', dir: 'ltr' }, doc.url)] : null,
      ' · ', el('code', null, doc.id)));

  const side = el('aside', { class: 'doc-side' });
  const evs = doc.events || [];
  side.append(el('h2', null, t('a.events', { n: evs.length })));
  side.append(el('ol', { class: 'doc-events' }, evs.map((ev, idx) => el('li', { class: +evIdx === idx && evIdx !== null ? 'focus' : '' },
    el('a', { href: hashFor(['article', doc.id], { ev: String(idx) }) }, typeBadge(ev.type, ev.mode)),
    ' ', dyadEl(ev.actors || [], ev.targets || []),
    el('span', { class: `stance st-${ev.stance}` }, pick(STANCES, ev.stance))))));
  const cas = doc.casualties || [];
  if (cas.length) {
    side.append(el('h2', null, t('a.figures', { n: cas.length })));
    side.append(el('ol', { class: 'doc-figures' }, cas.map((c, idx) => el('li', null,
      el('a', { href: hashFor(['article', doc.id], { c: String(idx) }) }, el('b', null, figureText(c)), ' ', pick(KINDS, c.kind),
        c.group !== 'unspecified' ? ` (${pick(GROUPS, c.group)})` : ''),
      ' · ', c.side ? entityEl(c.side) : t('claims.unknownSide'),
      ' · ', c.claimant ? [t('i.claimant'), ' ', entityEl(c.claimant)] : t('claims.article')))));
  }

  const root = el('div', { class: 'article-view' },
    el('div', { class: 'panel doc-main' }, head, legend, focusNote ? el('p', { class: 'note focus-note' }, focusNote) : null, textBox),
    side);
  return {
    el: root,
    after: () => {
      const f = document.getElementById('evidence-focus') || document.querySelector('.doc-text .focus');
      if (f) f.scrollIntoView({ block: 'center' });
      else window.scrollTo(0, 0);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Search

async function searchView(q) {
  const input = document.getElementById('search');
  if (input && input.value !== q) input.value = q;
  const root = el('section', { class: 'panel search-view' });
  root.append(el('h1', null, t('s.title', { q })));
  if (!q.trim()) return { el: root };
  const page = await api('/api/search', { q, limit: 50 });
  root.append(el('p', { class: 'note' }, t('s.count', { n: fmtNum(page.items.length) + (page.next_offset ? '+' : '') })));
  if (!page.items.length) {
    root.append(el('p', { class: 'empty' }, t('s.none')));
    return { el: root };
  }
  root.append(el('ol', { class: 'hits', id: 'search-results' }, page.items.map((h) => el('li', { class: 'hit' },
    el('a', { href: hashFor(['article', h.id]), class: 'hit-title', dir: 'auto' }, h.title || h.id),
    el('p', { class: 'meta' }, h.published ? fmtDate(h.published) : '', h.copy_of ? ` · ${h.copy_of}` : ''),
    el('p', { class: 'snippet', dir: 'rtl' }, h.snippet || '')))));
  return { el: root };
}

// ---------------------------------------------------------------------------------------
// Language and start-up

function applyLang() {
  const html = document.documentElement;
  html.lang = state.lang;
  html.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
  document.title = state.lang === 'ar' ? 'رصد — سجلّ النزاعات من الأخبار' : 'rasd — a record of conflict from the news';
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll('[data-i18n-placeholder]')) n.placeholder = t(n.dataset.i18nPlaceholder);
  const btn = document.getElementById('lang-toggle');
  btn.textContent = state.lang === 'ar' ? 'English' : 'العربية';
  btn.lang = state.lang === 'ar' ? 'en' : 'ar';
}

function start() {
  applyLang();
  document.getElementById('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'ar' ? 'en' : 'ar';
    localStorage.setItem('rasd.lang', state.lang);
    applyLang();
    route();
  });
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = document.getElementById('search').value.trim();
    if (q) location.hash = hashFor(['search'], { q });
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => {
    if (state.plot && state.plotBox) state.plot.setSize({ width: Math.max(280, state.plotBox.clientWidth), height: 260 });
  });
  route();
}

start();
