// Moving between states: each is a URL in the history, and focus lands where the action was.
import { stateUrl } from './state.js';
import { el } from './dom.js';

let draw = () => {};
let focusAfterDraw = null;

// Sets what draws the page for the current URL.
export function onNavigate(drawPage) { draw = drawPage; }

// Goes to state. focus names the element (its data-focus-key), or a list of them to try in
// order, to focus once the page is drawn again, so that a keyboard user stays where they were.
export function go(state, { replace = false, focus = null } = {}) {
  const url = stateUrl(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  focusAfterDraw = focus;
  draw();
}

// Returns, once, the focus key that the last go() asked for.
export function takeFocusKey() {
  const key = focusAfterDraw;
  focusAfterDraw = null;
  return key;
}

// Focuses the first element found with a data-focus-key of keys (one key or a list), else the
// element with id fallback.
export function focusOn(keys, fallback) {
  const found = [keys].flat().filter(Boolean).map((key) => document.querySelector(`[data-focus-key="${CSS.escape(key)}"]`));
  const target = found.find(Boolean) || document.getElementById(fallback);
  if (target) target.focus();
}

// A link to state that changes the page without reloading it (and still opens in a new tab);
// focus as for go().
export function linkTo(state, { focus = null, ...attributes }, ...children) {
  return el('a', { ...attributes, href: stateUrl(state),
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(state, { focus });
    } }, ...children);
}
