// Matches per year: a bar for every year from the first to the last, years without matches
// included, so that gaps and trends read truly; and the same numbers as a table.
import { el, svg } from './dom.js';
import { withChanges, withoutCues } from './state.js';
import { go } from './nav.js';

const focusKey = (year) => `year:${year}`;

// Every year from the first to the last with a count, with its count (0 where none) and
// whether the search's filters select it.
function yearsOf(data) {
  const known = new Map((data.facets.year || []).map((v) => [Number(v.value), v]));
  if (!known.size) return [];
  const first = Math.min(...known.keys()), last = Math.max(...known.keys());
  const years = [];
  for (let year = first; year <= last; ++year) {
    const value = known.get(year);
    years.push({ year, count: value ? value.count : 0, selected: Boolean(value && value.selected) });
  }
  return years;
}

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
  const max = Math.max(1, ...years.map((y) => y.count));
  const drawing = svg('svg', { viewBox: `0 0 ${width} ${height + axis}`, class: 'chart', role: 'group',
    'aria-label': 'Matches per year: choose a year to search it alone; the arrow keys move between years' });
  drawing.addEventListener('keydown', moveAmongBars);
  // The Tab stop: the first selected year with matches, else the last year with matches.
  const stop = years.find((y) => y.selected && y.count) || [...years].reverse().find((y) => y.count);
  years.forEach((entry, index) => {
    const x = index * step;
    const barHeight = entry.count ? Math.max(2, Math.round((entry.count / max) * height)) : 0;
    const name = `${entry.year}: ${entry.count.toLocaleString()} ${entry.count === 1 ? 'match' : 'matches'}${entry.selected ? ', selected' : ''}`;
    const choose = () => go(chosen(entry, years, data, state), { focus: focusKey(entry.year) });
    const bar = svg('g', { class: entry.selected ? 'bar on' : 'bar', tabindex: entry === stop ? '0' : '-1', role: 'button',
      'aria-label': name, 'aria-pressed': entry.selected ? 'true' : 'false', 'aria-disabled': entry.count ? 'false' : 'true',
      'data-focus-key': focusKey(entry.year) },
    svg('title', {}, name),
    // The whole column answers a click, so that short bars are easy to hit.
    svg('rect', { class: 'hit-area', x, y: 0, width: step, height }),
    svg('rect', { class: 'fill', x: x + gap / 2, y: height - barHeight, width: Math.max(1, step - gap), height: barHeight }));
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

function table(years) {
  return el('details', { class: 'year-table' },
    el('summary', {}, 'Show the numbers as a table'),
    el('table', {},
      el('caption', { class: 'visually-hidden' }, 'Matching paragraphs per year'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Year'), el('th', { scope: 'col' }, 'Paragraphs'))),
      el('tbody', {}, years.map((y) => el('tr', { class: y.selected ? 'on' : null },
        el('th', { scope: 'row' }, String(y.year)), el('td', {}, y.count.toLocaleString()))))));
}

export function renderYearChart(box, data, state) {
  const years = yearsOf(data);
  box.replaceChildren(...(years.length ? [el('h2', { class: 'facet-heading' }, 'Matches per year'), chart(years, data, state), table(years)] : []));
}
