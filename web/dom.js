// Building the page's elements: every text from the server goes in as text, never as HTML.

export const $ = (id) => document.getElementById(id);

// Creates an element with attributes and children (strings become text nodes). Attributes
// named on... are event listeners; null, undefined and false leave an attribute out.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// Replaces node's children with children, leaving out null, undefined and false (so that a
// part shown only sometimes never appears as the text "null").
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
}

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// Turns an HTML-escaped text with <mark> tags (a snippet, a highlighted paragraph) into nodes,
// without parsing any HTML.
export function markedNodes(escaped) {
  const decode = (text) => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, entity) =>
    ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' }[entity]));
  const nodes = [];
  let marked = false;
  for (const part of String(escaped).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) nodes.push(marked ? el('mark', {}, decode(part)) : document.createTextNode(decode(part)));
  }
  return nodes;
}

// Says what an action did in a live region, and clears it after a while so that it never
// stays over what it covers.
export function announce(region, text) {
  region.textContent = text;
  clearTimeout(region.clearing);
  region.clearing = setTimeout(() => { region.textContent = ''; }, 8000);
}

// Fetches JSON; a failure throws an Error whose message says what went wrong, in words.
export async function fetchJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error('the search service cannot be reached: check that it is running, then try again');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error ? body.error.message : `the server answered ${response.status}`);
    error.status = response.status;  // 4xx: the request must change; asking again gives the same
    throw error;
  }
  return body;
}
