// The Findings search page: the whole state lives in the URL; this draws the view it names
// and keeps focus where a keyboard user expects it.
import { $, fetchJson } from './dom.js';
import { learnSchema, readState, withChanges, withoutFilters } from './state.js';
import { go, onNavigate, takeFocusKey } from './nav.js';
import { renderSearch, resultKey } from './search-view.js';
import { renderReport } from './report-view.js';
import { cancelInsight, renderInsight } from './insight-view.js';

let schema = null;       // the promise of the fields, which every draw waits for
let drawn = false;       // whether the page has been drawn once
let cameFrom = null;     // the focus key of what opened the report or view on screen

function draw() {
  const state = readState();
  // The first draw waits for the fields: what someone typed meanwhile stays in the box.
  if (drawn || document.activeElement !== $('q')) $('q').value = state.q;
  drawn = true;
  let focusKey = takeFocusKey();
  const reading = Boolean(state.report);
  const insight = !reading && Boolean(state.similar || state.timeline || state.compare);
  if (!reading && !insight && cameFrom && !focusKey) focusKey = cameFrom;  // back: what opened it
  if (reading) cameFrom = state.hit ? resultKey(state.report, state.hit) : null;
  else if (insight) cameFrom = document.activeElement && document.activeElement.dataset.focusKey || cameFrom;
  else cameFrom = null;
  $('search-view').hidden = reading || insight;
  $('report-view').hidden = !reading;
  $('insight-view').hidden = !insight;
  $('search-help').hidden = reading || insight;
  $('skip-link').href = reading ? '#report-main' : insight ? '#insight-main' : '#main';
  $('skip-link').textContent = reading ? 'Skip to the report' : insight ? 'Skip to the findings' : 'Skip to results';
  document.title = state.q ? `${state.q} – Findings` : "Findings: inspection reports on children's services";
  if (reading) renderReport(state);
  else if (insight) renderInsight(state);
  else renderSearch(state, focusKey);
  if (!insight) cancelInsight();
}

// Draws the page once the fields are known: a state read before them would lose its filters.
function render() {
  schema.then(draw, (error) => {
    $('status').textContent = `The search service cannot be reached (${error.message}). Reload the page to try again.`;
  });
}

// Runs action once the fields are known (it reads or writes a state).
const whenReady = (action) => (event) => {
  event.preventDefault();
  schema.then(() => action(event));
};

function toggleFilters() {
  const button = $('filters-toggle');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  $('filters').classList.toggle('open', open);
  if (open) $('filters').focus();
}

document.addEventListener('DOMContentLoaded', () => {
  onNavigate(render);
  $('search-form').addEventListener('submit', whenReady(() => {
    go(withChanges({ q: $('q').value.trim(), autocorrect: '' }), { focus: 'status' });  // a new query is corrected again
  }));
  $('home-link').addEventListener('click', whenReady(() => {
    go({ ...withoutFilters(readState(), []), q: '', sort: '', collapse: '' }, { focus: 'q' });
  }));
  $('back-link').addEventListener('click', whenReady(() => go({ ...readState(), report: '', hit: '' })));
  $('insight-back').addEventListener('click', whenReady(() => go({ ...readState(), similar: '', timeline: '', compare: '', a: '', b: '' })));
  $('filters-toggle').addEventListener('click', toggleFilters);
  $('skip-link').addEventListener('click', (event) => {  // focus without a fragment in the URL
    event.preventDefault();
    document.querySelector(event.currentTarget.getAttribute('href')).focus();
  });
  document.addEventListener('keydown', (event) => {
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
    if (event.key === '/' && !typing) { event.preventDefault(); $('q').focus(); $('q').select(); }
  });
  window.addEventListener('popstate', render);
  schema = fetchJson('/api/schema').then(learnSchema);
  render();
});
