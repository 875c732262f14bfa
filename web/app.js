// The Findings search page: the whole state lives in the URL, every text from the server is
// inserted as text (never as HTML), and snippets' <mark> highlights are rebuilt as elements.
'use strict';

const SINGLE = ['q', 'autocorrect', 'year_from', 'year_to', 'page', 'sort', 'report', 'hit'];
// The fields the server filters and counts by, from GET /api/schema before the first render.
const MULTI = [];         // parameters that take several values ('authority', 'type', ...)
const FACETS = [];        // [field name, parameter, title] of the facets listed beside results
const FIELD_NAMES = {};   // parameter -> the field's name for people ('type' -> 'finding')
const LABELS = {};        // value -> its label for people ('requires_improvement' -> 'requires improvement')
let schema = null;        // the promise of loadSchema(), which every render waits for
let drawn = false;        // whether the page has been drawn once
const FACET_LIMIT = 8;
const expandedFacets = new Set();  // facets showing every value, until the page is reloaded
const PER_PAGE = 10;

const $ = (id) => document.getElementById(id);

// Creates an element with attributes and children (strings become text nodes).
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of SINGLE) state[name] = params.get(name) || '';
  for (const name of MULTI) state[name] = params.getAll(name);
  return state;
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const name of SINGLE) if (state[name]) params.set(name, state[name]);
  for (const name of MULTI) for (const value of state[name]) params.append(name, value);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function go(state, replace = false) {
  const url = stateUrl(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function withChanges(changes) {
  return { ...readState(), page: '', report: '', hit: '', ...changes };
}

const label = (value) => LABELS[value] || String(value).replace(/_/g, ' ');

// Turns an HTML-escaped snippet with <mark> tags into nodes, without parsing any HTML.
function snippetNodes(snippet) {
  const decode = (text) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, entity) =>
    ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' }[entity]));
  const nodes = [];
  let marked = false;
  for (const part of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) nodes.push(marked ? el('mark', {}, decode(part)) : document.createTextNode(decode(part)));
  }
  return nodes;
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body.error ? body.error.message : `the server answered ${response.status}`;
    throw new Error(message);
  }
  return body;
}

// Reads the fields once: the facets, the filters the URL may carry and their labels.
async function loadSchema() {
  const schema = await fetchJson('/api/schema');
  for (const field of schema.fields) {
    if (field.filter !== 'values') continue;  // years have the chart and year_from/year_to
    MULTI.push(field.parameter);
    FIELD_NAMES[field.parameter] = field.label.toLowerCase();
    if (field.facet) FACETS.push([field.name, field.parameter, field.label]);
    for (const value of field.values) LABELS[value.value] = value.label;
  }
}

function apiParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of MULTI) for (const value of state[name]) params.append(name, value);
  for (const name of ['autocorrect', 'year_from', 'year_to', 'page', 'sort']) if (state[name]) params.set(name, state[name]);
  params.set('per_page', PER_PAGE);
  return params;
}

// ---- How the query was read ------------------------------------------------------------

function removeWords(query, words) {
  const index = query.toLowerCase().indexOf(words.toLowerCase());
  if (index < 0) return query;
  return (query.slice(0, index) + query.slice(index + words.length)).replace(/\s+/g, ' ').trim();
}

function chip(text, onRemove, removeLabel) {
  return el('span', { class: 'chip' }, text,
    onRemove ? el('button', { type: 'button', class: 'chip-remove', 'aria-label': removeLabel, onclick: onRemove }, '×') : null);
}

function renderInterpretation(data, state) {
  const box = $('interpretation');
  box.replaceChildren();
  const parts = [];
  const reading = data.interpreted;
  if (reading.text) parts.push(chip(reading.text));
  for (const cue of reading.cues) {
    const text = cue.label.replace('>=', '≥').replace('<=', '≤');
    parts.push(chip(text, () => go(withChanges({ q: removeWords(state.q, cue.matched) })), `Remove ${text}`));
  }
  for (const name of MULTI) {
    for (const value of state[name]) {
      const text = `${FIELD_NAMES[name]}: ${label(value)}`;
      parts.push(chip(text, () => go(withChanges({ [name]: state[name].filter((v) => v !== value) })), `Remove ${text}`));
    }
  }
  if (state.year_from || state.year_to) {
    const text = state.year_from === state.year_to ? `year ${state.year_from}` : `years ${state.year_from || '…'}–${state.year_to || '…'}`;
    parts.push(chip(text, () => go(withChanges({ year_from: '', year_to: '' })), `Remove ${text}`));
  }
  parts.forEach((part, index) => { if (index) box.append(el('span', { class: 'dot', 'aria-hidden': 'true' }, ' · ')); box.append(part); });
  for (const note of [...reading.synonyms.map((s) => `also searched: ${s}`), ...reading.notes]) {
    box.append(el('p', { class: 'note' }, note));
  }
}

// ---- Results ---------------------------------------------------------------------------

// A report's heading names its authority, which some titles leave out.
function reportHeading(authority, title) {
  return authority && !title.toLowerCase().includes(authority.toLowerCase()) ? `${authority}: ${title}` : title;
}

function resultItem(hit, state) {
  const url = stateUrl({ ...state, report: hit.report_id, hit: String(hit.position) });
  const chips = [hit.authority, hit.date, label(hit.finding_type)];
  if (hit.grade && hit.grade !== 'ungraded') chips.push(`grade: ${label(hit.grade)}`);
  if (hit.timescale && hit.timescale !== 'none') chips.push(label(hit.timescale));
  return el('li', { class: 'result' },
    el('a', { class: 'result-link', href: url, onclick: (event) => { event.preventDefault(); go(readState(new URL(url, location.origin).search)); } },
      el('span', { class: 'result-title' }, reportHeading(hit.authority, hit.report_title || hit.report_id))),
    el('p', { class: 'snippet' }, snippetNodes(hit.snippet)),
    el('p', { class: 'meta' }, chips.map((text) => el('span', { class: `tag tag-${hit.finding_type}` }, text))),
    hit.section && hit.section.length ? el('p', { class: 'section' }, hit.section.join(' › ')) : null);
}

function renderAdvice(data, state) {
  const advice = $('advice');
  advice.replaceChildren();
  const corrected = data.interpreted.corrected_query;
  if (corrected) {
    const asTyped = withChanges({ autocorrect: '0' });
    advice.append(el('p', {}, 'Showing results for ', el('strong', {}, corrected), '. Search instead for ',
      el('a', { href: stateUrl(asTyped), onclick: (event) => { event.preventDefault(); go(asTyped); } }, state.q), '.'));
  }
  if (data.suggestion) {
    advice.append(el('p', {}, 'Did you mean ',
      el('a', { href: stateUrl(withChanges({ q: data.suggestion })), onclick: (event) => { event.preventDefault(); go(withChanges({ q: data.suggestion })); } }, data.suggestion), '?'));
  }
  if (data.total === 0) {
    const drops = [];
    for (const cue of data.interpreted.cues) {
      drops.push(el('button', { type: 'button', onclick: () => go(withChanges({ q: removeWords(state.q, cue.matched) })) }, `without “${cue.matched}”`));
    }
    for (const name of MULTI) for (const value of state[name]) {
      drops.push(el('button', { type: 'button', onclick: () => go(withChanges({ [name]: state[name].filter((v) => v !== value) })) }, `without ${label(value)}`));
    }
    advice.append(el('p', {}, drops.length ? 'No paragraph matches every filter. Try: ' : 'No paragraph matches. Try fewer or other words.', drops));
  }
}

function renderPager(data, state) {
  const pager = $('pager');
  pager.replaceChildren();
  const page = Number(state.page || 1);
  const pages = Math.ceil(data.total / PER_PAGE);
  if (pages <= 1) return;
  const link = (target, text, labelText) => el('a', { href: stateUrl({ ...state, page: String(target) }), 'aria-label': labelText,
    onclick: (event) => { event.preventDefault(); go({ ...state, page: String(target) }); window.scrollTo(0, 0); } }, text);
  if (page > 1) pager.append(link(page - 1, '← Previous', `Page ${page - 1}`));
  pager.append(el('span', { 'aria-current': 'page' }, ` Page ${page} of ${pages} `));
  if (page < pages) pager.append(link(page + 1, 'Next →', `Page ${page + 1}`));
}

// ---- Facets and the year chart ---------------------------------------------------------

function renderFacets(data, state) {
  const box = $('facets');
  box.replaceChildren();
  for (const [facet, param, title] of FACETS) {
    const values = data.facets[facet] || [];
    if (!values.length) continue;
    const selected = state[param];
    const expanded = expandedFacets.has(facet);
    const shown = values.filter((v, i) => expanded || i < FACET_LIMIT || selected.includes(v.value));
    const list = el('ul', { class: expanded ? 'facet-values all' : 'facet-values' }, shown.map((value) => {
      const on = selected.includes(value.value);
      const next = on ? selected.filter((v) => v !== value.value) : [...selected, value.value];
      return el('li', {}, el('button', { type: 'button', class: on ? 'facet on' : 'facet', 'aria-pressed': on ? 'true' : 'false',
        onclick: () => go(withChanges({ [param]: next })) }, el('span', {}, label(value.value)), el('span', { class: 'count' }, value.count.toLocaleString())));
    }));
    const group = el('section', { class: 'facet-group' }, el('h3', {}, title), list);
    if (values.length > FACET_LIMIT) {
      const toggle = () => {
        if (expanded) expandedFacets.delete(facet);
        else expandedFacets.add(facet);
        renderFacets(data, state);
        box.querySelector(`[data-facet="${facet}"]`).focus();  // the button was drawn anew
      };
      group.append(el('button', { type: 'button', class: 'facet-more', 'data-facet': facet, 'aria-expanded': expanded ? 'true' : 'false',
        onclick: toggle }, expanded ? 'Show fewer' : `Show all ${values.length}`));
    }
    box.append(group);
  }
}

function renderYearChart(data, state) {
  const box = $('year-chart');
  box.replaceChildren();
  const years = (data.facets.year || []).map((v) => ({ year: Number(v.value), count: v.count })).sort((a, b) => a.year - b.year);
  if (!years.length) return;
  const width = 260, height = 90, gap = 2;
  const barWidth = Math.max(4, (width - gap * years.length) / years.length);
  const max = Math.max(...years.map((y) => y.count));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 14}`, role: 'group', 'aria-label': 'Matches per year: choose a year to filter', class: 'chart' });
  years.forEach((entry, index) => {
    const barHeight = Math.max(2, Math.round((entry.count / max) * height));
    const on = state.year_from === String(entry.year) && state.year_to === String(entry.year);
    const group = svg('g', { tabindex: '0', role: 'button', class: on ? 'bar on' : 'bar',
      'aria-label': `${entry.year}: ${entry.count} matches${on ? ', selected' : ''}` });
    const choose = () => go(withChanges(on ? { year_from: '', year_to: '' } : { year_from: String(entry.year), year_to: String(entry.year) }));
    group.addEventListener('click', choose);
    group.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); choose(); } });
    const x = index * (barWidth + gap);
    const title = svg('title');
    title.textContent = `${entry.year}: ${entry.count}`;
    group.append(title, svg('rect', { x, y: height - barHeight, width: barWidth, height: barHeight }));
    if (index === 0 || index === years.length - 1) {
      const first = index === 0;
      const text = svg('text', { x: first ? x : x + barWidth, y: height + 12, 'text-anchor': first ? 'start' : 'end' });
      text.textContent = String(entry.year);
      group.append(text);
    }
    chart.append(group);
  });
  box.append(el('h3', {}, 'Matches per year'), chart);
}

// ---- The report view -------------------------------------------------------------------

// Returns the report's paragraphs grouped under their headings, the hit marked.
function reportSections(paragraphs, hit) {
  const sections = [];
  let current = null;
  for (const p of paragraphs) {
    const heading = (p.section || []).join(' › ');
    if (!current || current.heading !== heading) {
      current = { heading, node: el('section', { class: 'report-section' }, heading ? el('h3', {}, heading) : null) };
      sections.push(current.node);
    }
    const isHit = String(p.position) === hit;
    current.node.append(el('div', { id: `p${p.position}`, class: isHit ? 'paragraph hit' : 'paragraph', 'aria-current': isHit ? 'true' : null },
      el('p', {}, el('span', { class: 'position', 'aria-hidden': 'true' }, `${p.position}`), p.text),
      p.finding_type === 'context' && p.grade === 'ungraded' ? null :
        el('p', { class: 'meta' }, el('span', { class: `tag tag-${p.finding_type}` }, label(p.finding_type)),
          p.grade !== 'ungraded' ? el('span', { class: 'tag' }, `grade: ${label(p.grade)}`) : null)));
  }
  return sections;
}


// A report's judgements as a table: the grade in words, with a mark of its own so that colour
// is never the only sign ('▲' outstanding and good, '●' requires improvement and adequate, '▼'
// inadequate).
const GRADE_MARKS = { outstanding: '▲', good: '▲', adequate: '●', requires_improvement: '●', inadequate: '▼', not_judged: '–' };
function judgementsTable(judgements) {
  const rows = judgements.map((j) => el('tr', {},
    el('th', { scope: 'row' }, j.label),
    el('td', { class: `grade grade-${j.grade}` }, el('span', { 'aria-hidden': 'true' }, `${GRADE_MARKS[j.grade] || ''} `), label(j.grade))));
  return el('table', { class: 'grades' },
    el('caption', {}, 'Judgements'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Judgement'), el('th', { scope: 'col' }, 'Grade'))),
    el('tbody', {}, rows));
}
async function renderReport(state) {
  const article = $('report');
  article.replaceChildren(el('p', {}, 'Loading the report…'));
  $('back-link').href = stateUrl({ ...state, report: '', hit: '' });
  try {
    const data = await fetchJson(`/api/reports/${encodeURIComponent(state.report)}`);
    const report = data.report;
    const judgements = report.judgements || [];
    article.replaceChildren(
      el('h2', {}, reportHeading(report.authority, report.title || report.id)),
      el('p', { class: 'meta' }, [report.authority, report.region, report.date, label(report.kind)].filter(Boolean).map((t) => el('span', { class: 'tag' }, t))),
      report.inspection_dates ? el('p', {}, `Inspection dates: ${report.inspection_dates}`) : null,
      judgements.length ? judgementsTable(judgements) : null,
      ...reportSections(data.paragraphs, state.hit));
    const hit = document.getElementById(`p${state.hit}`);
    if (hit) { hit.scrollIntoView({ block: 'center' }); hit.setAttribute('tabindex', '-1'); hit.focus({ preventScroll: true }); }
  } catch (error) {
    article.replaceChildren(el('p', { class: 'error' }, `This report could not be shown: ${error.message}`));
  }
}

// ---- The page ----------------------------------------------------------------------------

let searchCounter = 0;

async function renderSearch(state) {
  const counter = ++searchCounter;
  const view = $('search-view');
  view.setAttribute('aria-busy', 'true');
  $('status').textContent = 'Searching…';
  try {
    const data = await fetchJson(`/api/search?${apiParams(state)}`);
    if (counter !== searchCounter) return;  // a newer search has started
    const shown = data.total === 1 ? '1 paragraph' : `${data.total.toLocaleString()} paragraphs`;
    $('status').textContent = `${shown} (${Math.round(data.took_ms)} ms)`;
    renderInterpretation(data, state);
    renderAdvice(data, state);
    $('results').replaceChildren(...data.results.map((hit) => resultItem(hit, state)));
    renderPager(data, state);
    renderFacets(data, state);
    renderYearChart(data, state);
  } catch (error) {
    if (counter !== searchCounter) return;
    $('status').textContent = `The search failed: ${error.message}`;
    $('results').replaceChildren();
  }
  // Done: what is shown is the answer for this URL (tests and assistive technology wait for it).
  view.setAttribute('aria-busy', 'false');
  view.dataset.shown = stateUrl(state);
}

// Draws the page for the URL once the fields are known (a search typed before they arrive
// waits for them).
function render() {
  schema.then(draw, (error) => {
    $('status').textContent = `The search service cannot be reached (${error.message}): reload the page to try again.`;
  });
}

function draw() {
  const state = readState();
  // The first draw waits for the fields: what someone typed meanwhile stays in the box.
  if (drawn || document.activeElement !== $('q')) $('q').value = state.q;
  drawn = true;
  const reading = Boolean(state.report);
  $('search-view').hidden = reading;
  $('report-view').hidden = !reading;
  document.title = state.q ? `${state.q} – Findings` : 'Findings: inspection reports on children\'s services';
  if (reading) renderReport(state);
  else renderSearch(state);
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    go(withChanges({ q: $('q').value.trim(), autocorrect: '' }));  // a new query is corrected again
  });
  $('home-link').addEventListener('click', (event) => { event.preventDefault(); go({ ...withChanges({ q: '' }), ...Object.fromEntries(MULTI.map((m) => [m, []])) }); });
  $('back-link').addEventListener('click', (event) => { event.preventDefault(); go({ ...readState(), report: '', hit: '' }); });
  document.addEventListener('keydown', (event) => {
    const typing = ['INPUT', 'TEXTAREA'].includes(document.activeElement.tagName);
    if (event.key === '/' && !typing) { event.preventDefault(); $('q').focus(); $('q').select(); }
  });
  window.addEventListener('popstate', render);
  schema = loadSchema();
  render();
});
