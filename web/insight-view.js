// The views beyond a search: similar findings elsewhere (?similar=ID), an authority over time
// (?timeline=NAME) and two sides compared (?compare=1, compare-view.js), each for the words and
// filters of the search it came from.
import { $, el, fetchJson, fill } from './dom.js';
import { filterParams, label, stateUrl } from './state.js';
import { linkTo, focusOn } from './nav.js';
import { findingItem, reportHeading } from './search-view.js';
import { compareView } from './compare-view.js';

let insightCounter = 0;  // the view asked for last: an answer to an earlier ask is dropped

async function similarView(state) {
  const params = filterParams(state);
  params.delete('authority');  // elsewhere: other authorities, whatever the search was about
  const data = await fetchJson(`/api/paragraphs/${state.similar.split('/').map(encodeURIComponent).join('/')}/similar?${params}`);
  const source = data.paragraph;
  const praise = state.polarity.includes('positive');
  return [
    el('h2', { id: 'insight-heading', tabindex: '-1', 'data-focus-key': 'insight-heading' },
      praise ? 'Where this is done well elsewhere' : 'Similar findings elsewhere'),
    el('blockquote', { class: 'source' }, el('p', {}, source.text),
      el('footer', {}, linkTo({ q: state.q, report: source.report_id, hit: String(source.position) }, {},
        `${reportHeading(source.authority, source.report_title)}, ${source.date}, paragraph ${source.position}`))),
    el('p', { class: 'status' }, data.results.length
      ? `${data.results.length} ${data.results.length === 1 ? 'finding' : 'findings'} from other authorities, one an authority, most alike first`
      : 'No finding elsewhere is like this one within these filters.'),
    el('ol', { class: 'result-list' }, data.results.map((hit) => findingItem(hit, state))),
  ];
}

async function timelineView(state) {
  const params = filterParams(state);
  params.delete('authority');
  if (state.q) params.set('q', state.q);
  const data = await fetchJson(`/api/authorities/${encodeURIComponent(state.timeline)}?${params}`);
  const inspections = [...data.inspections].reverse();  // newest first to read; the timeline above is oldest first
  return [
    el('h2', { id: 'insight-heading', tabindex: '-1', 'data-focus-key': 'insight-heading' }, `${data.authority} over time`),
    el('p', { class: 'meta' }, [data.region, label(data.authority_type)].map((text) => el('span', { class: 'tag' }, text)),
      data.ofsted_url ? el('a', { href: data.ofsted_url, rel: 'external noopener' }, 'Its reports as Ofsted publishes them') : null,
      linkTo({ q: state.q, compare: '1', a: `authority=${encodeURIComponent(data.authority)}` }, { focus: 'insight-heading' },
        'Compare with another authority')),
    el('ol', { class: 'timeline', 'aria-label': 'Inspections, oldest first' }, data.inspections.map((inspection) =>
      el('li', {}, el('span', { class: 'timeline-date' }, inspection.date), ' ', label(inspection.kind),
        inspection.overall ? el('strong', {}, ` ${label(inspection.overall)}`) : null))),
    ...inspections.map((inspection) => el('section', { class: 'inspection' },
      el('h3', {}, linkTo({ q: state.q, report: inspection.id }, {}, `${inspection.date}: ${label(inspection.kind)}`),
        inspection.overall ? ` (overall: ${label(inspection.overall)})` : ''),
      el('p', {}, state.q ? `${inspection.matches} paragraph${inspection.matches === 1 ? '' : 's'} with “${state.q}”` : `${inspection.matches} paragraphs`,
        Object.keys(inspection.findings).length
          ? `: ${Object.entries(inspection.findings).map(([type, count]) => `${count} ${label(type)}`).join(', ')}` : ''),
      inspection.top.length ? el('ol', { class: 'result-list' }, inspection.top.map((hit) => findingItem(hit, state))) : null)),
  ];
}

// Drops the answer of a view left before it came.
export function cancelInsight() { ++insightCounter; }

export async function renderInsight(state) {
  const counter = ++insightCounter;
  const article = $('insight');
  fill(article, el('p', {}, 'Loading…'));
  $('insight-back').href = stateUrl({ ...state, similar: '', timeline: '', compare: '', a: '', b: '' });
  try {
    const view = state.similar ? similarView : state.compare ? compareView : timelineView;
    const parts = await view(state);
    if (counter !== insightCounter) return;
    fill(article, ...parts);
    document.title = `${article.querySelector('h2').textContent} – Findings`;
    focusOn('insight-heading');
  } catch (error) {
    if (counter !== insightCounter) return;
    fill(article, el('h2', { tabindex: '-1', 'data-focus-key': 'insight-heading' }, 'This could not be shown'),
      el('p', { class: 'error' }, `${error.message}. Go back to the results and try another.`));
    focusOn('insight-heading');
  }
}

