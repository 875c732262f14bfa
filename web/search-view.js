// The search view: how the query was read, advice, the results with their tools, the pager,
// the facets and the year chart. An error replaces everything it makes untrue.
import { $, announce, el, fetchJson, markedNodes, fill } from './dom.js';
import { LIMITS, MULTI, apiParams, fieldName, hasParamFilters, label, readState, removeWords, stateUrl, withChanges, withoutFilters } from './state.js';
import { go, linkTo, focusOn } from './nav.js';
import { renderFacets } from './facets.js';
import { renderYearChart } from './year-chart.js';

// ---- How the query was read -------------------------------------------------------------

// The filters of a state as chips, each with a button that removes it; from the URL alone
// when the search failed.
function filterChips(state, cues) {
  const chips = [];
  const chip = (text, without, key) => el('li', { class: 'chip' }, text,
    el('button', { type: 'button', class: 'chip-remove', 'data-focus-key': key, 'aria-label': `Remove ${text}`,
      onclick: () => go(without, { focus: 'next-chip' }) }, '×'));
  cues.forEach((cue, index) => {
    const text = cue.label.replace('>=', '≥').replace('<=', '≤');
    chips.push(chip(text, withChanges({ q: removeWords(state.q, cue.matched) }), `chip:cue:${index}`));
  });
  for (const name of MULTI) {
    for (const value of state[name]) {
      chips.push(chip(`${fieldName(name)}: ${label(value)}`, withChanges({ [name]: state[name].filter((v) => v !== value) }),
        `chip:${name}:${value}`));
    }
  }
  if (state.year_from || state.year_to) {
    const text = state.year_from === state.year_to ? `year ${state.year_from}` : `years ${state.year_from || '…'}–${state.year_to || '…'}`;
    chips.push(chip(text, withChanges({ year_from: '', year_to: '' }), 'chip:years'));
  }
  return chips;
}

function renderInterpretation(state, reading) {
  const box = $('interpretation');
  const chips = filterChips(state, reading ? reading.cues : []);
  box.replaceChildren();
  if (reading && reading.text) box.append(el('p', { class: 'searched' }, 'Words searched: ', el('strong', {}, reading.text)));
  if (chips.length) {
    const cleared = withoutFilters(state, reading ? reading.cues : []);
    box.append(el('p', { class: 'visually-hidden', id: 'filters-heading' }, 'Filters'),
      el('ul', { class: 'chips', 'aria-labelledby': 'filters-heading' }, chips),
      el('button', { type: 'button', class: 'link-button', onclick: () => go(cleared, { focus: 'q' }) }, 'Clear all filters'));
  }
  if (reading) {
    for (const note of [...reading.synonyms.map((s) => `Also searched: ${s}`), ...reading.notes]) box.append(el('p', { class: 'note' }, note));
  }
}

// ---- Advice, results and pages ------------------------------------------------------------

function renderAdvice(data, state) {
  const advice = $('advice');
  advice.replaceChildren();
  const corrected = data.interpreted.corrected_query;
  if (corrected) {
    advice.append(el('p', {}, 'Showing results for ', el('strong', {}, corrected), '. Search instead for ',
      linkTo(withChanges({ autocorrect: '0' }), {}, state.q), '.'));
  }
  if (data.suggestion) advice.append(el('p', {}, 'Did you mean ', linkTo(withChanges({ q: data.suggestion }), {}, data.suggestion), '?'));
  if (data.total === 0) {
    const drops = data.interpreted.cues.map((cue) => linkTo(withChanges({ q: removeWords(state.q, cue.matched) }), { class: 'drop' }, `without “${cue.matched}”`));
    for (const name of MULTI) {
      for (const value of state[name]) drops.push(linkTo(withChanges({ [name]: state[name].filter((v) => v !== value) }), { class: 'drop' }, `without ${label(value)}`));
    }
    advice.append(el('p', {}, drops.length ? 'No paragraph matches every filter. Try: ' : 'No paragraph matches. Try fewer or other words.', drops));
  }
}

// A report's heading names its authority, which some titles leave out.
export function reportHeading(authority, title) {
  return authority && !title.toLowerCase().includes(authority.toLowerCase()) ? `${authority}: ${title}` : title;
}

// The tags worth showing of a paragraph: its type where it is not plain narrative, its grade.
export function paragraphTags(paragraph) {
  const tags = [];
  if (!['judgement', 'context'].includes(paragraph.finding_type)) tags.push([label(paragraph.finding_type), `tag-${paragraph.finding_type}`]);
  if (paragraph.grade && paragraph.grade !== 'ungraded') tags.push([`grade: ${label(paragraph.grade)}`, `tag-grade-${paragraph.grade}`]);
  if (paragraph.timescale && paragraph.timescale !== 'none') tags.push([label(paragraph.timescale), '']);
  return tags.map(([text, kind]) => el('span', { class: `tag ${kind}` }, text));
}

// A finding found beyond the search, as a list item under a heading of level heading: its
// report (a link to the paragraph in it), the text, its tags.
export function findingItem(hit, state, heading = 'h3') {
  return el('li', { class: 'result' },
    el(heading, { class: 'result-heading' },
      linkTo({ q: state.q, report: hit.report_id, hit: String(hit.position) }, { class: 'result-link' },
        reportHeading(hit.authority, hit.report_title || hit.report_id))),
    el('p', { class: 'snippet' }, markedNodes(hit.snippet)),
    el('p', { class: 'meta' }, el('span', { class: 'tag' }, hit.date), paragraphTags(hit)));
}

// The focus key of a result's link, to return to it from its report.
export const resultKey = (reportId, position) => `result:${reportId}:${position}`;

// Links from a finding to the same finding elsewhere and, for a criticism, to where it is
// praised; from its authority to its inspections over time.
export function findingLinks(hit, state) {
  // Where it is praised: any finding type or grade, as long as it is praise.
  const elsewhere = (praise) => ({ ...state, page: '', report: '', hit: '', similar: hit.id,
    ...(praise ? { polarity: ['positive'], type: [], grade: [] } : {}) });
  const criticised = hit.polarity === 'negative' || hit.polarity === 'mixed';
  const key = `finding:${hit.id}`;
  return el('p', { class: 'finding-links' },
    linkTo(elsewhere(false), { 'data-focus-key': `${key}:similar` }, 'Similar findings elsewhere'),
    criticised ? [' · ', linkTo(elsewhere(true), { 'data-focus-key': `${key}:praise` }, 'Where is this a strength?')] : null,
    hit.authority ? [' · ', linkTo({ q: state.q, timeline: hit.authority }, { 'data-focus-key': `${key}:timeline` },
      `${hit.authority} over time`)] : null);
}

function resultItem(hit, state) {
  const target = { ...state, report: hit.report_id, hit: String(hit.position) };
  return el('li', { class: 'result' },
    el('h3', { class: 'result-heading' },
      linkTo(target, { class: 'result-link', 'data-focus-key': resultKey(hit.report_id, hit.position) },
        reportHeading(hit.authority, hit.report_title || hit.report_id))),
    el('p', { class: 'snippet' }, markedNodes(hit.snippet)),
    el('p', { class: 'meta' }, el('span', { class: 'tag' }, hit.date), paragraphTags(hit)),
    hit.section && hit.section.length ? el('p', { class: 'section' }, hit.section.join(' › ')) : null,
    hit.report_matches > 1 ? el('p', { class: 'report-matches' }, linkTo(withChanges({ q: `${state.q} report:${hit.report_id}`.trim(), collapse: '' }),
      { focus: 'status' }, `All ${hit.report_matches.toLocaleString()} matching paragraphs in this report`)) : null,
    findingLinks(hit, state));
}

function renderPager(data, state) {
  const pager = $('pager');
  pager.replaceChildren();
  const page = Number(state.page || 1);
  const pages = data.pages || 0;
  const to = (target, text, rel) => linkTo({ ...state, page: String(target) }, { rel, focus: 'status' }, text);
  if (page > pages && pages > 0) {  // a page past the last, from an old link
    pager.append(el('span', { class: 'pager-position' }, `There are ${pages.toLocaleString()} pages: `), to(pages, 'go to the last page'));
    return;
  }
  if (pages <= 1) return;
  pager.append(page > 1 ? to(page - 1, 'Previous page', 'prev') : el('span'),
    el('span', { class: 'pager-position' }, `Page ${page.toLocaleString()} of ${pages.toLocaleString()}`),
    page < pages ? to(page + 1, 'Next page', 'next') : el('span'));
}

// The search's matches as files, with the CLI's columns and citations: CSV and NDJSON.
function exportLinks(state, total) {
  const params = apiParams(state);
  for (const name of ['page', 'per_page']) params.delete(name);
  const cut = total > LIMITS.export_rows ? ` (first ${LIMITS.export_rows.toLocaleString()})` : '';
  const link = (format, text) => {
    params.set('format', format);
    return el('a', { href: `/api/export?${params}`, download: `findings.${format}` }, text);
  };
  return el('span', { class: 'tool' }, 'Download ', link('csv', 'CSV'), ', ', link('json', 'JSON'), ' or ', link('ndjson', 'NDJSON'), cut);
}

// A link to compare the search's matches on two sides, the first side being what the search
// is filtered to (one authority, region, authority type, or its years) if it is.
function compareLink(state) {
  const single = ['authority', 'region', 'authority_type'].find((name) => state[name] && state[name].length === 1);
  const first = new URLSearchParams();
  if (single) first.set(single, state[single][0]);
  else for (const name of ['year_from', 'year_to']) if (state[name]) first.set(name, state[name]);
  return el('span', { class: 'tool' }, linkTo({ ...state, page: '', compare: '1', a: first.toString(), b: '' },
    { focus: 'insight-heading', 'data-focus-key': 'compare' }, 'Compare two authorities, regions or periods'));
}

// Copies the search's API link, and says so.
async function copyApiLink(url) {
  const absolute = new URL(url, location.origin).href;
  let said = `Copied ${absolute}`;
  try { await navigator.clipboard.writeText(absolute); } catch { said = `Copy this link: ${absolute}`; }
  announce($('tools-announcer'), said);
}

// The tools over the results: order, one paragraph per report, downloads and the API link.
function renderTools(state, data) {
  const sort = el('select', { id: 'sort', 'data-focus-key': 'sort',
    onchange: (event) => go(withChanges({ sort: event.target.value === 'relevance' ? '' : event.target.value }), { focus: 'sort' }) },
  el('option', { value: 'relevance', selected: state.sort !== 'date' }, 'Most relevant'),
  el('option', { value: 'date', selected: state.sort === 'date' }, 'Newest first'));
  const collapse = el('input', { type: 'checkbox', id: 'collapse', checked: state.collapse === 'report', 'data-focus-key': 'collapse',
    onchange: (event) => go(withChanges({ collapse: event.target.checked ? 'report' : '' }), { focus: 'collapse' }) });
  const api = `/api/search?${apiParams(state)}`;
  fill($('tools'),
    el('span', { class: 'tool' }, el('label', { for: 'sort' }, 'Order '), sort),
    el('span', { class: 'tool' }, collapse, el('label', { for: 'collapse' }, ' One paragraph per report')),
    data.total ? exportLinks(state, data.total) : null,
    compareLink(state),
    el('span', { class: 'tool' }, el('a', { href: api, class: 'api-link' }, 'This search as JSON (API)'), ' ',
      el('button', { type: 'button', class: 'link-button', onclick: () => copyApiLink(api) }, 'Copy the API link')),
    el('p', { id: 'tools-announcer', class: 'announcer', role: 'status' }));
}

// ---- The view ----------------------------------------------------------------------------

let searchCounter = 0;

// What to do after a failed search: remove a filter, start again from the default order and
// first page (a request the server refused), or try again (a server that failed or is away).
function failureAdvice(state, error) {
  const refused = error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;  // else: later
  const viewed = ['sort', 'page', 'collapse', 'autocorrect'].some((name) => state[name]);
  const parts = [];
  if (hasParamFilters(state)) parts.push('Remove a filter above');
  if (refused && viewed) {
    parts.push(linkTo(withChanges({ sort: '', collapse: '', autocorrect: '' }), { focus: 'status' },
      `${parts.length ? 's' : 'S'}earch again in the usual order from the first page`));
  }
  if (refused && !parts.length) parts.push('Change the words searched');
  if (!refused) {
    parts.push(el('button', { type: 'button', class: 'link-button', onclick: () => renderSearch(readState(), 'status') },
      parts.length ? 'try again' : 'Try again'));
  }
  return el('p', {}, parts.flatMap((part, i) => (i ? [', or ', part] : [part])), '.');
}

function clearResults() {
  for (const id of ['advice', 'results', 'pager', 'facets', 'year-chart', 'tools']) $(id).replaceChildren();
}

export async function renderSearch(state, focusKey) {
  const counter = ++searchCounter;
  const view = $('search-view');
  // Busy: the results, not the view, which holds the live count that must still be read out.
  $('results').setAttribute('aria-busy', 'true');
  view.dataset.busy = 'true';
  $('status').textContent = 'Searching…';
  try {
    const data = await fetchJson(`/api/search?${apiParams(state)}`);
    if (counter !== searchCounter) return;  // a newer search has started
    const shown = data.total === 1 ? '1 paragraph' : `${data.total.toLocaleString()} paragraphs`;
    $('status').textContent = `${shown}${state.collapse === 'report' ? ' (one per report)' : ''}`;
    renderInterpretation(state, data.interpreted);
    renderAdvice(data, state);
    renderTools(state, data);
    fill($('results'), ...data.results.map((hit) => resultItem(hit, state)));
    renderPager(data, state);
    renderFacets($('facets'), data, state);
    renderYearChart($('year-chart'), data, state);
  } catch (error) {
    if (counter !== searchCounter) return;
    clearResults();
    // The chips from the URL stay, so that a bad filter can be removed.
    renderInterpretation(state, null);
    $('status').textContent = `The search failed: ${error.message}.`;
    $('advice').append(failureAdvice(state, error));
  }
  $('results').setAttribute('aria-busy', 'false');
  view.dataset.busy = 'false';
  view.dataset.shown = stateUrl(state);
  if (focusKey) focusOn(focusKey === 'next-chip' ? nextChipKey() : focusKey, 'status');
}

// After a chip's removal: the first chip left, else the results' count.
function nextChipKey() {
  const first = document.querySelector('#interpretation .chip-remove');
  return first ? first.dataset.focusKey : 'status';
}

