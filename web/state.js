// The page's state, which lives wholly in the URL, and the fields the server filters by.

export const SINGLE = ['q', 'autocorrect', 'year_from', 'year_to', 'page', 'sort', 'collapse', 'report', 'hit', 'similar', 'timeline',
  'compare', 'a', 'b'];
// From GET /api/schema, before the first render:
export const MULTI = [];        // parameters that take several values ('authority', 'type', ...)
export const FACETS = [];       // { name, param, title, values } of the facets listed beside results
const FIELD_NAMES = {};         // parameter -> the field's name for people ('type' -> 'finding')
const PARAM_OF = {};            // field name -> its parameter ('finding_type' -> 'type')
const LABELS = {};              // value -> its label for people ('requires_improvement' -> 'requires improvement')
export const PER_PAGE = 10;
export const LIMITS = {};        // the largest counts the server allows ('export_rows', ...)

export const label = (value) => LABELS[value] || String(value).replace(/_/g, ' ');
export const fieldName = (param) => FIELD_NAMES[param] || param;
export const paramOf = (field) => PARAM_OF[field];

// Reads the fields once: the facets, the filters the URL may carry and their labels.
export function learnSchema(schema) {
  Object.assign(LIMITS, schema.limits);
  for (const field of schema.fields) {
    if (field.filter !== 'values') continue;  // years have the chart and year_from/year_to
    MULTI.push(field.parameter);
    FIELD_NAMES[field.parameter] = field.label.toLowerCase();
    PARAM_OF[field.name] = field.parameter;
    if (field.facet) FACETS.push({ name: field.name, param: field.parameter, title: field.label, values: field.values.map((value) => value.value) });
    for (const value of field.values) LABELS[value.value] = value.label;
  }
}

export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of SINGLE) state[name] = params.get(name) || '';
  for (const name of MULTI) state[name] = params.getAll(name);
  return state;
}

export function stateUrl(state) {
  const params = new URLSearchParams();
  for (const name of SINGLE) if (state[name]) params.set(name, state[name]);
  for (const name of MULTI) for (const value of state[name] || []) params.append(name, value);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

// The current state changed: a new search starts on its first page, out of any report or view.
export function withChanges(changes) {
  return { ...readState(), page: '', report: '', hit: '', similar: '', timeline: '', compare: '', a: '', b: '', ...changes };
}

// The search API's parameters for a state.
export function apiParams(state, perPage = PER_PAGE) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of MULTI) for (const value of state[name]) params.append(name, value);
  for (const name of ['autocorrect', 'year_from', 'year_to', 'page', 'sort', 'collapse']) if (state[name]) params.set(name, state[name]);
  params.set('per_page', perPage);
  return params;
}

// The filters of a state without its words, page or order: the API parameters of a view
// over the same paragraphs.
export function filterParams(state) {
  const params = apiParams({ ...state, q: '', page: '', sort: '', collapse: '', autocorrect: '' });
  params.delete('per_page');
  return params;
}

// Returns query without the words a cue was read from ("since 2018").
export function removeWords(query, words) {
  const index = query.toLowerCase().indexOf(words.toLowerCase());
  if (index < 0) return query;
  return (query.slice(0, index) + query.slice(index + words.length)).replace(/\s+/g, ' ').trim();
}

// Returns query without the words of every cue on field ('' for every cue).
export function withoutCues(query, cues, field = '') {
  return cues.filter((cue) => !field || cue.field === field).reduce((left, cue) => removeWords(left, cue.matched), query);
}

// The state without any filter: no parameter filters or years, and the words without their cues.
export function withoutFilters(state, cues) {
  return withChanges({ q: withoutCues(state.q, cues), year_from: '', year_to: '', autocorrect: '',
    ...Object.fromEntries(MULTI.map((name) => [name, []])) });
}

// Whether the state filters on anything besides its words.
export function hasParamFilters(state) {
  return Boolean(state.year_from || state.year_to || MULTI.some((name) => state[name].length));
}
