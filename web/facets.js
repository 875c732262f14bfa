// The facets beside the results: each a group of checkboxes. Values of one facet are
// alternatives (OR), facets combine (AND); a value the query's words chose is ticked like any
// other, and unticking it takes those words out of the query.
import { el, fill } from './dom.js';
import { FACETS, label, withChanges, withoutCues } from './state.js';
import { go } from './nav.js';

const SHORT_LIST = 8;          // values shown before "Show all"
const FILTER_BOX_FROM = 15;    // a facet this long, shown whole, gets a box to filter its values
const expanded = new Set();    // facets showing every value, until the page is reloaded

const focusKey = (facet, value) => `facet:${facet}:${value}`;
const groupKey = (facet) => `facet-group:${facet}`;

// The state after ticking or unticking value of facet.
function toggled(facet, value, data, state) {
  const ticked = state[facet.param];
  if (!value.selected) return withChanges({ [facet.param]: [...ticked, value.value] });
  const chosenByWords = data.interpreted.cues.some((cue) => cue.field === facet.name);
  if (ticked.includes(value.value) && !chosenByWords) return withChanges({ [facet.param]: ticked.filter((v) => v !== value.value) });
  // Chosen by the words, or by a parameter that names several values ("weaknesses"): the
  // facet's other selected values become ticks of their own, and its words leave the query.
  const others = (data.facets[facet.name] || []).filter((v) => v.selected && v.value !== value.value).map((v) => v.value);
  return withChanges({ q: withoutCues(state.q, data.interpreted.cues, facet.name), [facet.param]: others });
}

function valueItem(facet, value, data, state, index) {
  const id = `facet-${facet.name}-${index}`;
  return el('li', { class: 'facet-value', 'data-label': label(value.value).toLowerCase() },
    el('input', { type: 'checkbox', id, checked: value.selected, 'data-focus-key': focusKey(facet.name, value.value),
      // A value shown only because it was selected leaves the short list: focus its group then.
      onchange: () => go(toggled(facet, value, data, state), { focus: [focusKey(facet.name, value.value), groupKey(facet.name)] }) }),
    el('label', { for: id }, el('span', { class: 'facet-label' }, label(value.value)),
      el('span', { class: 'count' }, el('span', { class: 'visually-hidden' }, ', '), value.count.toLocaleString(),
        el('span', { class: 'visually-hidden' }, value.count === 1 ? ' paragraph' : ' paragraphs'))));
}

// A box that hides the values whose label does not contain what is typed.
function filterBox(facet, list) {
  const id = `facet-filter-${facet.name}`;
  const narrow = (event) => {
    const typed = event.target.value.trim().toLowerCase();
    for (const item of list.children) item.hidden = Boolean(typed) && !item.dataset.label.includes(typed);
  };
  return el('div', { class: 'facet-filter' },
    el('label', { for: id }, `Filter ${facet.title.toLowerCase()} values`),
    el('input', { type: 'search', id, autocomplete: 'off', oninput: narrow }));
}

function facetGroup(facet, values, data, state, redraw) {
  const whole = expanded.has(facet.name);
  // Shown whole, a long facet is in A-Z order, so that a name is found where it is expected.
  const shown = whole ? [...values].sort((a, b) => label(a.value).localeCompare(label(b.value)))
    : values.filter((v, i) => i < SHORT_LIST || v.selected);
  const list = el('ul', { class: whole ? 'facet-values all' : 'facet-values' },
    shown.map((value, index) => valueItem(facet, value, data, state, index)));
  const group = el('fieldset', { class: 'facet-group', tabindex: '-1', 'data-focus-key': groupKey(facet.name) },
    el('legend', {}, facet.title));
  if (whole && values.length >= FILTER_BOX_FROM) group.append(filterBox(facet, list));
  group.append(list);
  if (values.length > SHORT_LIST) {
    const toggle = () => {
      if (whole) expanded.delete(facet.name);
      else expanded.add(facet.name);
      redraw();
      document.querySelector(`[data-more="${CSS.escape(facet.name)}"]`).focus();  // the button was drawn anew
    };
    group.append(el('button', { type: 'button', class: 'facet-more', 'data-more': facet.name, 'aria-expanded': whole ? 'true' : 'false',
      onclick: toggle }, whole ? `Show fewer ${facet.title.toLowerCase()} values` : `Show all ${values.length} ${facet.title.toLowerCase()} values`));
  }
  return group;
}

export function renderFacets(box, data, state) {
  const redraw = () => renderFacets(box, data, state);
  fill(box, ...FACETS.filter((facet) => (data.facets[facet.name] || []).length)
    .map((facet) => facetGroup(facet, data.facets[facet.name], data, state, redraw)));
}
