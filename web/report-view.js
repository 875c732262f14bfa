// The report view: a reading tool for one report. Its judgements first, an outline of its
// sections, the query's words marked throughout, previous and next among the paragraphs the
// search matches, the authority's other inspections, and a citation for every paragraph.
import { $, announce, el, fetchJson, markedNodes, fill } from './dom.js';
import { apiParams, hasParamFilters, label, stateUrl } from './state.js';
import { linkTo, focusOn } from './nav.js';
import { findingLinks, reportHeading, paragraphTags } from './search-view.js';

// A grade's mark beside its colour, so that colour is never the only sign ('▲' outstanding
// and good, '●' requires improvement and adequate, '▼' inadequate).
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

// Moves focus to a paragraph and brings it into view.
function show(node) {
  node.setAttribute('tabindex', '-1');
  node.scrollIntoView({ block: 'center' });
  node.focus({ preventScroll: true });
}

function citation(report, paragraph) {
  const link = `${location.origin}${stateUrl({ report: report.id, hit: String(paragraph.position) })}`;
  return `${report.authority}. ${report.title}. Ofsted, ${report.date}, paragraph ${paragraph.position}. ${link}`;
}

function citeButton(report, paragraph) {
  const text = citation(report, paragraph);
  return el('button', { type: 'button', class: 'link-button cite', onclick: async () => {
    let said = `Copied: ${text}`;
    try { await navigator.clipboard.writeText(text); } catch { said = `Copy this citation: ${text}`; }
    announce($('report-announcer'), said);
  } }, 'Cite this paragraph');
}

// The report's paragraphs under their headings, with the sections' outline; matched holds the
// positions of the paragraphs the search matches.
function body(report, paragraphs, state, matched) {
  const sections = [];
  const outline = [];
  let current = null;
  for (const p of paragraphs) {
    const heading = (p.section || []).join(' › ');
    if (!current || current.heading !== heading) {
      const id = `section-${sections.length}`;
      current = { heading, node: el('section', { class: 'report-section' }, heading ? el('h3', { id, tabindex: '-1' }, heading) : null) };
      sections.push(current.node);
      if (heading) {
        outline.push(el('li', {}, el('button', { type: 'button', class: 'link-button', onclick: () => show(document.getElementById(id)) }, heading)));
      }
    }
    const isHit = String(p.position) === state.hit;
    const isMatch = matched.has(p.position);
    current.node.append(el('div', { id: `p${p.position}`, class: ['paragraph', isHit && 'hit', isMatch && 'matched'].filter(Boolean).join(' '),
      'aria-current': isHit ? 'true' : null },
    el('p', {}, el('span', { class: 'position' }, el('span', { class: 'visually-hidden' }, 'Paragraph '), `${p.position}`, ' '),
      p.marked ? markedNodes(p.marked) : p.text),
    el('p', { class: 'meta' }, paragraphTags(p), citeButton(report, p)),
    p.finding_type === 'context' ? null : findingLinks({ ...p, authority: '' }, state)));
  }
  const contents = outline.length > 1
    ? el('nav', { class: 'outline', 'aria-labelledby': 'outline-heading' },
      el('details', {}, el('summary', { id: 'outline-heading' }, `Contents (${outline.length} sections)`), el('ol', {}, outline)))
    : null;
  return { contents, sections };
}

// "Match 2 of 9" with previous and next, over the paragraphs the search matches, stepping on
// from the paragraph the report was opened at.
function matchNavigator(hit) {
  const matches = [...document.querySelectorAll('#report .paragraph.matched')];
  if (!matches.length) return null;
  const positionOf = (node) => Number(node.id.slice(1));
  // Where the reader is: on a match (its index), or between two (half-way: -0.5 before the first).
  const before = hit ? matches.filter((node) => positionOf(node) < Number(hit)).length : 0;
  let at = hit && matches[before] && positionOf(matches[before]) === Number(hit) ? before : before - 0.5;
  const position = el('span', { class: 'match-position', role: 'status' });
  const describe = () => {
    position.textContent = Number.isInteger(at) ? `Match ${at + 1} of ${matches.length}`
      : `${matches.length} ${matches.length === 1 ? 'paragraph matches' : 'paragraphs match'} the search`;
  };
  const step = (by) => {
    const next = Number.isInteger(at) ? at + by : (by > 0 ? Math.ceil(at) : Math.floor(at));
    at = (next + matches.length) % matches.length;
    describe();
    show(matches[at]);
  };
  describe();
  return el('div', { class: 'match-nav' }, position,
    el('button', { type: 'button', onclick: () => step(-1) }, 'Previous match'),
    el('button', { type: 'button', onclick: () => step(1) }, 'Next match'));
}

// The authority's inspections in the index, newest first, with their overall grades; this one
// marked.
async function otherInspections(report) {
  if (!report.authority) return null;
  const params = new URLSearchParams({ authority: report.authority, per_page: '1000' });
  const data = await fetchJson(`/api/reports?${params}`).catch(() => null);
  if (!data || data.reports.length < 2) return null;
  const described = (other) => `${other.date}: ${other.title}${other.overall ? ` (overall: ${label(other.overall)})` : ''}`;
  return el('section', { class: 'inspections', 'aria-labelledby': 'inspections-heading' },
    el('h3', { id: 'inspections-heading' }, `Inspections of ${report.authority}`),
    el('ul', {}, data.reports.map((other) => el('li', {}, other.id === report.id
      ? el('span', { 'aria-current': 'page' }, `${described(other)}, this report`)
      : linkTo({ report: other.id }, {}, described(other))))));
}

// Returns the positions of the report's paragraphs that the search of state matches (its words
// and filters, as the results count them); none without a search.
async function searchMatches(state) {
  if (!state.q && !hasParamFilters(state)) return new Set();
  const matched = new Set();
  for (let page = 1; page <= 10; ++page) {  // 100 a page: a report has at most a few hundred paragraphs
    const params = apiParams({ ...state, page: String(page), sort: 'date', collapse: '' }, 100);
    params.set('report', state.report);
    params.set('facets', '0');
    const data = await fetchJson(`/api/search?${params}`);
    for (const hit of data.results) matched.add(hit.position);
    if (page >= data.pages) break;
  }
  return matched;
}

let reportCounter = 0;  // the report asked for last: an answer to an earlier ask is dropped

export async function renderReport(state) {
  const counter = ++reportCounter;
  const article = $('report');
  fill(article, el('p', {}, 'Loading the report…'));
  $('report-announcer').textContent = '';
  $('back-link').href = stateUrl({ ...state, report: '', hit: '' });
  try {
    const words = state.q ? `?q=${encodeURIComponent(state.q)}` : '';
    const [data, matched] = await Promise.all([fetchJson(`/api/reports/${encodeURIComponent(state.report)}${words}`),
      searchMatches(state).catch(() => new Set())]);  // the report reads well without its matches
    if (counter !== reportCounter) return;
    const report = data.report;
    const heading = reportHeading(report.authority, report.title || report.id);
    document.title = `${heading} – Findings`;
    const { contents, sections } = body(report, data.paragraphs, state, matched);
    fill(article,
      el('h2', { id: 'report-heading', tabindex: '-1', 'data-focus-key': 'report-heading' }, heading),
      el('p', { class: 'meta' }, [report.authority, report.region, report.date, label(report.kind)].filter(Boolean).map((t) => el('span', { class: 'tag' }, t))),
      report.inspection_dates ? el('p', {}, `Inspection dates: ${report.inspection_dates}`) : null,
      report.ofsted_url ? el('p', {}, el('a', { href: report.ofsted_url, rel: 'external noopener', class: 'published' },
        `${report.authority}'s reports as Ofsted publishes them`)) : null,
      (report.judgements || []).length ? judgementsTable(report.judgements) : null,
      el('div', { id: 'inspections-slot' }),
      contents,
      ...sections);
    const matchBar = matchNavigator(state.hit);
    if (matchBar) article.insertBefore(matchBar, contents || sections[0] || null);
    const hit = document.getElementById(`p${state.hit}`);
    if (hit) show(hit);
    else focusOn('report-heading');
    const inspections = await otherInspections(report);
    if (inspections && counter === reportCounter) $('inspections-slot').replaceWith(inspections);
  } catch (error) {
    if (counter !== reportCounter) return;
    fill(article, el('h2', { tabindex: '-1', 'data-focus-key': 'report-heading' }, 'This report could not be shown'),
      el('p', { class: 'error' }, `${error.message}. Go back to the results and choose another report.`));
    focusOn('report-heading');
  }
}
