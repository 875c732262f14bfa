// Side by side (?compare=1&a=FILTERS&b=FILTERS): one query's matches under two authorities,
// regions, authority types or periods, each side's totals, shares and best findings, and the
// differences that stand out.
import { $, el, fetchJson, fill } from './dom.js';
import { FACETS, fieldName, filterParams, label, paramOf, readState } from './state.js';
import { go, linkTo } from './nav.js';
import { findingItem } from './search-view.js';

// What the two sides may differ by: a field with values (its parameter), or the years.
const DIMENSIONS = [['authority', 'Authority'], ['region', 'Region'], ['authority_type', 'Authority type'], ['years', 'Years']];
const YEAR_PARAMS = ['year_from', 'year_to'];
// The facets whose split is shown for each side: what was found, how it reads, its grade.
const SPLIT_FACETS = ['finding_type', 'polarity', 'grade'];

let authorityNames = null;  // the promise of every authority's name, fetched once

// The dimension a side's filters differ by: the years, or the first field they name.
function dimensionOf(filters) {
  const names = [...new URLSearchParams(filters).keys()];
  return names.find((name) => DIMENSIONS.some(([param]) => param === name)) ||
    (names.some((name) => YEAR_PARAMS.includes(name)) ? 'years' : 'authority');
}

// A side's filters in words: "Croydon", "London, 2015 to 2019", "since 2020".
export function sideLabel(filters) {
  const params = new URLSearchParams(filters);
  const from = params.get('year_from');
  const to = params.get('year_to');
  const parts = [...params].filter(([name]) => !YEAR_PARAMS.includes(name)).map(([, value]) => label(value));
  if (from && to) parts.push(from === to ? `in ${from}` : `${from} to ${to}`);
  else if (from) parts.push(`since ${from}`);
  else if (to) parts.push(`up to ${to}`);
  return parts.join(', ') || 'every paragraph';
}

const percent = (share) => `${(100 * share).toLocaleString(undefined, { maximumFractionDigits: share < 0.01 ? 2 : share < 0.1 ? 1 : 0 })}%`;

// The controls that choose one side: a value of the dimension, or a range of years.
async function sideControls(name, dimension, filters) {
  const params = new URLSearchParams(filters);
  if (dimension === 'years') {
    const year = (which, text) => el('label', { class: 'compare-year' }, `${text} `,
      el('input', { type: 'number', name: `${name}_${which}`, min: 1990, max: 2100, inputmode: 'numeric', value: params.get(which) || '' }));
    return [year('year_from', 'From'), year('year_to', 'to')];
  }
  if (dimension === 'authority' && !authorityNames) {
    authorityNames = fetchJson('/api/authorities').then((data) => data.authorities.map((entry) => entry.authority));
    authorityNames.catch(() => { authorityNames = null; });  // asked again next time
  }
  const values = dimension === 'authority' ? await authorityNames : schemaValues(dimension);
  const chosen = params.get(dimension) || '';
  return el('select', { name: `${name}_value`, 'aria-label': `${fieldName(dimension)} of the ${name === 'a' ? 'first' : 'second'} side` },
    el('option', { value: '' }, `Choose…`),
    values.map((value) => el('option', { value, selected: value === chosen }, label(value))));
}

// The values of a field the page was told about (its facet's values, in the schema's order).
function schemaValues(param) {
  const facet = FACETS.find((entry) => entry.param === param);
  return facet ? facet.values : [];
}

// The form that chooses the words and the two sides; submitting it shows that comparison.
async function compareForm(state) {
  const dimension = dimensionOf(state.a || state.b);
  const form = el('form', { class: 'compare-form', 'aria-label': 'What to compare' });
  let drawing = 0;  // the draw asked for last: a slower earlier one is dropped
  const draw = async (chosen) => {
    const counter = ++drawing;
    const side = async (name, legend) => el('fieldset', { class: 'compare-side' }, el('legend', {}, legend),
      await sideControls(name, chosen, chosen === dimension ? state[name] : ''));
    const by = el('select', { id: 'compare-by', name: 'by', 'data-focus-key': 'compare-by',
      onchange: (event) => draw(event.target.value).then(() => $('compare-by').focus(), (error) => {
        form.append(el('p', { class: 'error', role: 'alert' }, `${error.message}. Choose again or reload the page.`));
      }) },
    DIMENSIONS.map(([value, text]) => el('option', { value, selected: value === chosen }, text)));
    const sides = [await side('a', 'First side'), await side('b', 'Second side')];
    if (counter !== drawing) return;
    const words = form.querySelector('#compare-q')?.value ?? state.q;  // what was typed stays
    fill(form,
      el('p', {}, el('label', { for: 'compare-q' }, 'Words '),
        el('input', { id: 'compare-q', name: 'q', type: 'search', value: words, placeholder: 'every paragraph' })),
      el('p', {}, el('label', { for: 'compare-by' }, 'Compare by '), by),
      el('div', { class: 'compare-sides' }, sides),
      el('p', {}, el('button', { type: 'submit' }, 'Compare')));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = data.get('by');
    const filters = (name) => {
      const params = new URLSearchParams();
      if (chosen === 'years') for (const which of YEAR_PARAMS) { if (data.get(`${name}_${which}`)) params.set(which, data.get(`${name}_${which}`)); }
      else if (data.get(`${name}_value`)) params.set(chosen, data.get(`${name}_value`));
      return params.toString();
    };
    go({ ...state, q: String(data.get('q')).trim(), a: filters('a'), b: filters('b') }, { focus: 'insight-heading' });
  });
  await draw(dimension);
  return form;
}

// The differences that stand out as a table: each value's share of either side's matches.
function differencesTable(data) {
  const cell = (difference, which) => el('td', {}, `${percent(difference[`${which}_share`])} (${difference[which].toLocaleString()})`);
  return el('table', { class: 'compare-split' },
    el('caption', { class: 'visually-hidden' }, 'Share of each side’s matches'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Value'),
      el('th', { scope: 'col' }, sideLabel(data.a.filters)), el('th', { scope: 'col' }, sideLabel(data.b.filters)))),
    el('tbody', {}, data.differences.map((difference) => el('tr', {},
      el('th', { scope: 'row' }, `${label(difference.value)} (${fieldName(paramOf(difference.facet))})`),
      cell(difference, 'a'), cell(difference, 'b')))));
}

// One side's column: the totals, a link to its search, its split by finding type, polarity and
// grade as shares of its matches, and its best findings.
function sideColumn(side, state) {
  const splits = SPLIT_FACETS.filter((facet) => (side.facets[facet] || []).some((entry) => entry.count > 0)).map((facet) =>
    el('table', { class: 'compare-split' },
      el('caption', {}, fieldName(paramOf(facet))),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Matches'), el('th', { scope: 'col' }, 'Share'))),
      el('tbody', {}, side.facets[facet].filter((entry) => entry.count > 0).map((entry) => el('tr', {},
        el('th', { scope: 'row' }, label(entry.value)), el('td', {}, entry.count.toLocaleString()), el('td', {}, percent(entry.count / side.total)))))));
  return el('section', { class: 'compare-column', 'aria-labelledby': `compare-${side.key}` },
    el('h3', { id: `compare-${side.key}` }, sideLabel(side.filters)),
    el('p', { class: 'compare-total' }, `${side.total.toLocaleString()} of ${side.paragraphs.toLocaleString()} paragraphs`,
      side.paragraphs ? ` (${percent(side.share)})` : ''),
    side.total ? el('p', {}, linkTo(readState(new URL(side.links.page, location.origin).search), { focus: 'status' },
      `All ${side.total.toLocaleString()} as a search`)) : null,
    splits,
    side.top.length ? [el('h4', {}, 'Best findings'), el('ol', { class: 'result-list' }, side.top.map((hit) => findingItem(hit, state, 'h5')))] : null);
}

export async function compareView(state) {
  const heading = el('h2', { id: 'insight-heading', tabindex: '-1', 'data-focus-key': 'insight-heading' },
    state.a && state.b ? `${state.q ? `“${state.q}”: ` : ''}${sideLabel(state.a)} beside ${sideLabel(state.b)}` : 'Side by side');
  const form = await compareForm(state);
  if (!state.a || !state.b) return [heading, form, el('p', { class: 'status' }, 'Choose the two sides to compare.')];
  const params = filterParams(state);
  if (state.q) params.set('q', state.q);
  params.set('a', state.a);
  params.set('b', state.b);
  const data = await fetchJson(`/api/compare?${params}`);
  data.a.key = 'a';
  data.b.key = 'b';
  return [heading, form,
    el('section', { class: 'compare-differences', 'aria-labelledby': 'compare-stand-out' },
      el('h3', { id: 'compare-stand-out' }, 'What stands out'),
      data.differences.length
        ? [el('p', {}, 'Values at least twice as common among one side’s matches as among the other’s, as a share of each side’s matches (and their number):'),
          differencesTable(data)]
        : el('p', {}, 'No finding type, polarity or grade is twice as common among one side’s matches as the other’s.')),
    el('div', { class: 'compare-columns' }, sideColumn(data.a, state), sideColumn(data.b, state))];
}
