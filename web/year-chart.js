// Matches per year: a bar for every year from the first to the last, years without matches
// included, so that gaps and trends read truly; as counts or, since the corpus has far more
// reports in some years than others, as shares of the paragraphs there were (GET
// /api/trends); each bar split by finding type, in patterns that read without colour; and the
// same numbers as a table, by finding type, and as CSV.
import { el, fetchJson, svg, fill } from './dom.js';
import { apiParams, label, withChanges, withoutCues } from './state.js';
import { go } from './nav.js';

const focusKey = (year) => `year:${year}`;
let measure = 'count';  // what the bars show: 'count' or 'share', until the page is reloaded

// Every year from the first to the last with a count, with its count (0 where none), whether
// the search's filters select it, and from the trend its paragraphs, share and types.
function yearsOf(data, trend) {
  const known = new Map((data.facets.year || []).map((v) => [Number(v.value), v]));
  const trended = new Map((trend ? trend.years : []).map((y) => [y.year, y]));
  const all = [...known.keys(), ...trended.keys()];
  if (!known.size) return [];
  const first = Math.min(...all), last = Math.max(...all);
  const years = [];
  for (let year = first; year <= last; ++year) {
    const value = known.get(year);
    const counted = trended.get(year);
    years.push({ year, count: value ? value.count : 0, selected: Boolean(value && value.selected),
      paragraphs: counted ? counted.paragraphs : null, share: counted ? counted.share : null,
      types: counted ? counted.finding_type : {} });
  }
  return years;
}

// The trend of the search with every year: its year filters, and the words' year cues, left out;
// read as the search was read (any word when it fell back to any word).
function trendParams(data, state) {
  const params = apiParams({ ...state, q: withoutCues(state.q, data.interpreted.cues, 'year'), year_from: '', year_to: '' });
  for (const name of ['page', 'per_page', 'sort', 'collapse']) params.delete(name);
  if (data.interpreted.any_words) params.set('match', 'any');
  return params;
}

// The finding types a bar is split into, bottom up, each drawn with its own pattern
// (style.css): criticism hatched, recommendations dotted, praise solid, the rest plain.
const KINDS = [
  { name: 'weakness', text: 'weakness or priority action', types: ['area_for_development', 'priority_action'] },
  { name: 'recommendation', text: 'recommendation', types: ['recommendation'] },
  { name: 'strength', text: 'strength', types: ['strength'] },
  { name: 'other', text: 'judgement or other narrative', types: null },
];
const kindOf = (type) => KINDS.find((kind) => kind.types && kind.types.includes(type)) || KINDS[KINDS.length - 1];

// A year's matches by kind: [{ kind, count }] in KINDS' order, kinds without matches left out.
function kindCounts(types) {
  const counts = new Map();
  for (const [type, count] of Object.entries(types)) counts.set(kindOf(type), (counts.get(kindOf(type)) || 0) + count);
  return KINDS.filter((kind) => counts.get(kind)).map((kind) => ({ kind, count: counts.get(kind) }));
}

// The patterns, defined once in the chart and used by its legend too.
function patterns() {
  const pattern = (name, size, ...shapes) => svg('pattern', { id: `pattern-${name}`, width: size, height: size,
    patternUnits: 'userSpaceOnUse', ...(name === 'weakness' ? { patternTransform: 'rotate(45)' } : {}) },
  svg('rect', { width: size, height: size, class: 'pattern-ground' }), ...shapes);
  return svg('defs', {},
    pattern('weakness', 4, svg('rect', { width: 2, height: 4, class: 'pattern-weakness' })),
    pattern('recommendation', 3, svg('circle', { cx: 1.5, cy: 1.5, r: 1, class: 'pattern-recommendation' })));
}

function legend(years) {
  const shown = KINDS.filter((kind) => years.some((entry) => kindCounts(entry.types).some((part) => part.kind === kind)));
  if (shown.length < 2) return null;
  return el('ul', { class: 'chart-legend', 'aria-label': 'Bars split by finding type' }, shown.map((kind) => el('li', {},
    svg('svg', { viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true' }, svg('rect', { width: 12, height: 12, class: `segment ${kind.name}` })),
    ` ${kind.text}`)));
}

const percent = (share) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(2)}%`);

// Choosing a year searches that year alone, whatever years the words or the URL named;
// choosing the one year searched undoes it.
function chosen(entry, years, data, state) {
  const only = years.filter((y) => y.selected).length === 1 && entry.selected;
  const q = withoutCues(state.q, data.interpreted.cues, 'year');
  return withChanges(only ? { q, year_from: '', year_to: '' } : { q, year_from: String(entry.year), year_to: String(entry.year) });
}

// The bars are one Tab stop: the arrow keys, Home and End move between the years with matches.
function moveAmongBars(event) {
  const bars = [...event.currentTarget.querySelectorAll('.bar[aria-disabled="false"]')];
  const at = bars.indexOf(document.activeElement);
  const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: bars.length - 1 }[event.key];
  if (at < 0 || to === undefined || to < 0 || to >= bars.length) return;
  event.preventDefault();
  bars[at].setAttribute('tabindex', '-1');
  bars[to].setAttribute('tabindex', '0');
  bars[to].focus();
}

function chart(years, data, state) {
  const width = 300, height = 90, gap = 1, axis = 14;
  const step = width / years.length;
  const size = (entry) => (measure === 'share' ? entry.share || 0 : entry.count);
  const max = Math.max(Number.MIN_VALUE, ...years.map(size));
  const drawing = svg('svg', { viewBox: `0 0 ${width} ${height + axis}`, class: 'chart', role: 'group',
    'aria-label': 'Matches per year: choose a year to search it alone; the arrow keys move between years' });
  drawing.addEventListener('keydown', moveAmongBars);
  drawing.append(patterns());
  // The Tab stop: the first selected year with matches, else the last year with matches.
  const stop = years.find((y) => y.selected && y.count) || [...years].reverse().find((y) => y.count);
  years.forEach((entry, index) => {
    const x = index * step;
    const barHeight = entry.count ? Math.max(2, Math.round((size(entry) / max) * height)) : 0;
    const name = `${entry.year}: ${entry.count.toLocaleString()} ${entry.count === 1 ? 'match' : 'matches'}` +
      `${entry.share !== null ? `, ${percent(entry.share)} of its paragraphs` : ''}` +
      `${kindCounts(entry.types).map((part) => `; ${part.count.toLocaleString()} ${part.kind.text}`).join('')}${entry.selected ? ', selected' : ''}`;
    const choose = () => go(chosen(entry, years, data, state), { focus: focusKey(entry.year) });
    const bar = svg('g', { class: entry.selected ? 'bar on' : 'bar', tabindex: entry === stop ? '0' : '-1', role: 'button',
      'aria-label': name, 'aria-pressed': entry.selected ? 'true' : 'false', 'aria-disabled': entry.count ? 'false' : 'true',
      'data-focus-key': focusKey(entry.year) },
    svg('title', {}, name),
    // The whole column answers a click, so that short bars are easy to hit.
    svg('rect', { class: 'hit-area', x, y: 0, width: step, height }),
    ...segments(entry, { x: x + gap / 2, width: Math.max(1, step - gap), bottom: height, height: barHeight }));
    if (entry.count) {
      bar.addEventListener('click', choose);
      bar.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); choose(); } });
    }
    drawing.append(bar);
    // The first and last years, and round years not crowding them.
    const end = index === 0 || index === years.length - 1;
    const round = entry.year % 5 === 0 && index >= 3 && index <= years.length - 4;
    if (end || round) {
      const text = svg('text', { x: x + step / 2, y: height + axis - 2, 'text-anchor': 'middle', 'aria-hidden': 'true' });
      text.textContent = String(entry.year);
      drawing.append(text);
    }
  });
  drawing.append(svg('line', { x1: 0, x2: width, y1: height + 0.5, y2: height + 0.5, class: 'baseline' }));
  return drawing;
}

// A bar's rectangles: one plain fill until the trend tells its finding types, then one for each
// kind, bottom up, in proportion to its matches.
function segments(entry, { x, width, bottom, height }) {
  const parts = kindCounts(entry.types);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (!total) return [svg('rect', { class: 'fill', x, y: bottom - height, width, height })];
  let top = bottom;
  return parts.map((part) => {
    const size = (height * part.count) / total;
    top -= size;
    return svg('rect', { class: `fill segment ${part.kind.name}`, x, y: top, width, height: size });
  });
}

function table(years, csvUrl) {
  const types = [...new Set(years.flatMap((y) => Object.keys(y.types)))].sort();
  return el('details', { class: 'year-table' },
    el('summary', { 'data-focus-key': 'year-table' }, 'Show the numbers as a table'),
    el('table', {},
      el('caption', { class: 'visually-hidden' }, 'Matching paragraphs per year, the paragraphs there were, the share, and the matches by finding type'),
      el('thead', {}, el('tr', {}, ['Year', 'Matches', 'Paragraphs', 'Share', ...types.map(label)].map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, years.map((y) => el('tr', { class: y.selected ? 'on' : null },
        el('th', { scope: 'row' }, String(y.year)), el('td', {}, y.count.toLocaleString()),
        el('td', {}, y.paragraphs === null ? '–' : y.paragraphs.toLocaleString()), el('td', {}, percent(y.share)),
        types.map((type) => el('td', {}, String(y.types[type] || 0))))))),
    csvUrl ? el('p', {}, el('a', { href: csvUrl, download: 'findings-trend.csv' }, 'Download the trend as CSV')) : null);
}

// Count or share: radio buttons, labelled, so the choice reads without the chart.
function measureChoice(redraw) {
  const option = (value, text) => el('label', {}, el('input', { type: 'radio', name: 'measure', value, checked: measure === value,
    'data-focus-key': `measure:${value}`, onchange: () => { measure = value; redraw(); } }), ` ${text}`);
  return el('fieldset', { class: 'measure' }, el('legend', { class: 'visually-hidden' }, 'Bars show'),
    option('count', 'Matches'), ' ', option('share', 'Share of paragraphs'));
}

export function renderYearChart(box, data, state) {
  const draw = (trend) => {
    // Drawn again when the shares come: focus stays on the bar it was on.
    const focused = box.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    const tableOpen = Boolean(box.querySelector('details[open]'));
    const years = yearsOf(data, trend);
    const csvUrl = trend ? `/api/trends?${trendParams(data, state)}&format=csv` : null;
    const redraw = () => draw(trend);
    fill(box, ...(years.length ? [el('h2', { class: 'facet-heading' }, 'Matches per year'),
      trend ? measureChoice(redraw) : null, chart(years, data, state), legend(years), table(years, csvUrl)].filter(Boolean) : []));
    if (tableOpen) box.querySelector('details').open = true;
    if (focused) box.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  };
  const token = String(Date.now() + Math.random());  // a later search's chart replaces this one's
  box.dataset.for = token;
  draw(null);
  if (!(data.facets.year || []).length) return;
  fetchJson(`/api/trends?${trendParams(data, state)}`).then((trend) => { if (box.dataset.for === token) draw(trend); }, () => {});
}
