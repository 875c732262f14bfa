// Browser tests of the search page in Debian's headless Chromium: the flagship query, facets
// and the filters the words chose, the year chart, the report view, keyboard paths and focus,
// the phone layout, error states, script-looking report text shown as text, axe-core on every
// main state, screenshots; served as the README serves it, searchd behind the nginx front.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const project = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = process.env.FINDINGS_BUILD_DIR || join(project, 'build');
const screenshots = process.env.FINDINGS_SCREENSHOT_DIR || join(build, 'browser-screenshots');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const INJECTED = '<script>window.injected = 1</script> in the case notes';

let temp, server, browser, base;

// Copies the seed reports, plus one letter with script-looking text in a bullet.
function makeCorpus(folder) {
  mkdirSync(folder);
  const seed = join(project, 'corpus', 'seed');
  for (const name of readdirSync(seed)) copyFileSync(join(seed, name), join(folder, name));
  const letter = readFileSync(join(seed, '004_93af4746b97930b5.txt'), 'utf8');
  const anchor = '## **Strengths**\n';
  const at = letter.indexOf(anchor) + anchor.length;
  writeFileSync(join(folder, 'croydon-copy.txt'),
    letter.slice(0, at).replace('4 January 2010', '5 January 2010') + `\n- Quokkas were mentioned ${INJECTED}.\n` + letter.slice(at));
}

// Returns a port that is free now, below the kernel's ephemeral range (the front is told which
// port to listen on; one the kernel handed out could go at once to the searchd behind it).
async function freePort() {
  const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  for (let attempt = 0; attempt < 100; ++attempt) {
    const port = 10000 + Math.floor(Math.random() * (low - 10000));
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port below ${low}`);
}

// Serves the index as the README's run command does: searchd behind the nginx front.
async function startServer(db) {
  const port = await freePort();
  return new Promise((resolve, reject) => {
    const child = spawn(join(project, 'scripts', 'serve'), ['--db', db, '--port', String(port),
      '--searchd', join(build, 'searchd', 'searchd'), '--', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`scripts/serve ended (${code})`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes(`findings: serving http://127.0.0.1:${port}/`)) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    setTimeout(() => reject(new Error('scripts/serve did not start')), 15000);
  });
}

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'findings-browser-'));
  makeCorpus(join(temp, 'corpus'));
  execFileSync(join(build, 'indexer', 'indexer'), ['--db', join(temp, 'index'), join(temp, 'corpus')], { stdio: 'ignore' });
  const started = await startServer(join(temp, 'index'));
  server = started.child;
  base = started.url;
  mkdirSync(screenshots, { recursive: true });
  // Playwright gives the browser a fresh, temporary profile of its own.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  if (temp) rmSync(temp, { recursive: true, force: true });
});

// axe-core is injected as a script, which the page's Content-Security-Policy forbids: pages
// that run it bypass the policy, the others keep it (and prove the page works under it).
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function newPage(width = 1280, height = 900, { bypassCSP = false } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, bypassCSP });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return { page, errors };
}

// Waits until the page shows the answer for its URL: never a state in between ("Searching…").
async function settled(page) {
  await page.waitForFunction(() => {
    const view = document.getElementById('search-view');
    return view.dataset.busy === 'false' && view.dataset.shown === location.pathname + location.search;
  });
}

async function search(page, query) {
  await page.goto(`${base}/`);
  await settled(page);
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await settled(page);
}


const statusCount = async (page) => Number((await page.textContent('#status')).replace(/,/g, '').match(/\d+/)[0]);
const facetValue = (page, name) => page.locator('#facets .facet-value', { has: page.locator('.facet-label', { hasText: new RegExp(`^${name}$`) }) });
const facetCount = async (page, name) => Number((await facetValue(page, name).locator('.count').textContent()).replace(/[^\d]/g, ''));
const focusedKey = (page) => page.evaluate(() => document.activeElement.dataset.focusKey || document.activeElement.id);

// Checks that no text on the page is a value that was never meant to show ("null", "undefined",
// "NaN", "[object Object]"), node by node: the page's text run together would hide one.
async function assertNoStrayText(page, state) {
  const stray = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/^\s*(null|undefined|NaN|\[object Object\])\s*$/.test(node.data)) found.push(`${node.parentElement.id || node.parentElement.className}: ${node.data}`);
    }
    return found;
  });
  assert.deepEqual(stray, [], `stray text on ${state}`);
}

// Runs axe-core on the page as it is: no violation of WCAG 2.2 A or AA; and no stray text.
async function assertAccessible(page, state) {
  await assertNoStrayText(page, state);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  assert.deepEqual(violations, [], `axe-core on ${state}`);
}

test('the flagship query shows the Havering paragraph with its words highlighted', async () => {
  const { page, errors } = await newPage();
  await search(page, 'supervision recording weakness since 2009');
  const havering = page.locator('.result', { hasText: 'While supervision takes place on a regular basis' });
  await havering.waitFor();
  assert.ok(await havering.locator('mark').count() >= 2, 'matched words are marked');
  assert.match(await havering.textContent(), /Havering/);
  const chips = await page.textContent('#interpretation');
  assert.match(chips, /finding: weaknesses/);
  assert.match(chips, /year ≥ 2009/);
  assert.match(new URL(page.url()).search, /q=supervision/, 'the query is in the URL');
  assert.equal(await page.locator('h1').count(), 1);
  await page.screenshot({ path: join(screenshots, 'results-laptop.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a filter read from the words is ticked in its facet, and every count shown is what a click gives', async () => {
  const { page, errors } = await newPage();
  await search(page, 'assessment Croydon');
  const croydon = facetValue(page, 'Croydon').locator('input');
  assert.equal(await croydon.isChecked(), true, "the words' Croydon is ticked");
  const total = await statusCount(page);
  assert.equal(await facetCount(page, 'Croydon'), total);
  const havering = await facetCount(page, 'Havering');
  await facetValue(page, 'Havering').locator('input').check();
  await settled(page);
  assert.equal(await statusCount(page), total + havering, 'a second authority widens the search, as two ticks do');
  assert.equal(await focusedKey(page), 'facet:authority:Havering', 'focus stays on the checkbox');
  // Unticking the value the words chose takes the words out of the query.
  await facetValue(page, 'Croydon').locator('input').uncheck();
  await settled(page);
  assert.equal(await page.inputValue('#q'), 'assessment');
  assert.equal(await statusCount(page), havering);
  // Every finding type offered leads to as many paragraphs as it says.
  await search(page, 'supervision recording weakness since 2009');
  const weaknesses = await statusCount(page);
  for (const item of await page.locator('#facets fieldset', { hasText: 'Finding' }).locator('.facet-value').all()) {
    if (await item.locator('input').isChecked()) continue;
    const offered = Number((await item.locator('.count').textContent()).replace(/[^\d]/g, ''));
    await item.locator('input').check();
    await settled(page);
    assert.equal(await statusCount(page), weaknesses + offered);
    await page.goBack();
    await settled(page);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a value a parameter chose among several can be unticked, and a page past the last leads back', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${base}/?q=assessment&type=weaknesses`);  // one parameter, several finding types
  await settled(page);
  const ticked = await page.locator('#facets fieldset', { hasText: 'Finding' }).locator('input:checked').count();
  assert.ok(ticked >= 2, `${ticked} types ticked`);
  await facetValue(page, 'area for development').locator('input').uncheck();
  await settled(page);
  const types = new URL(page.url()).searchParams.getAll('type');
  assert.equal(types.length, ticked - 1, `the other types stay ticked: ${types}`);
  assert.ok(!types.includes('weaknesses') && !types.includes('area_for_development'));
  assert.equal(await facetValue(page, 'area for development').locator('input').isChecked(), false);
  await page.goto(`${base}/?q=assessment&page=99`);
  await settled(page);
  await page.locator('#pager a', { hasText: 'go to the last page' }).click();
  await settled(page);
  assert.ok(await page.locator('.result').count() > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the results page is readable on a phone, with its filters behind a Filters button at the top', async () => {
  const { page, errors } = await newPage(390, 844, { bypassCSP: true });
  await search(page, 'supervision recording weakness since 2009');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  assert.equal(await page.isVisible('#facets'), false, 'the filters wait behind their button');
  const toggle = page.locator('#filters-toggle');
  const firstResult = await page.locator('.result').first().boundingBox();
  assert.ok((await toggle.boundingBox()).y < firstResult.y, 'the Filters button is above the results');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.isVisible('#facets'), true);
  assert.ok((await page.locator('#facets').boundingBox()).y < (await page.locator('.result').first().boundingBox()).y);
  await page.screenshot({ path: join(screenshots, 'results-phone-filters.png'), fullPage: true });
  await assertAccessible(page, 'the phone layout with its filters open');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a facet with many values shows eight, and shown whole is in A-Z order with a box to filter it', async () => {
  // An index of its own: the seed reports name too few authorities.
  const folder = join(temp, 'many-authorities');
  mkdirSync(folder);
  const reports = join(project, 'corpus', 'reports');
  const byAuthority = new Map();  // one report each of the first 16 authorities by name
  for (const name of readdirSync(reports).filter((n) => n.endsWith('.txt')).sort()) {
    const authority = name.replace(/-\d{4}-\d\d-\d\d.*$/, '');
    if (byAuthority.size < 16 && !byAuthority.has(authority)) byAuthority.set(authority, name);
  }
  for (const name of byAuthority.values()) copyFileSync(join(reports, name), join(folder, name));
  execFileSync(join(build, 'indexer', 'indexer'), ['--db', join(temp, 'many-index'), folder], { stdio: 'ignore' });
  const many = await startServer(join(temp, 'many-index'));
  try {
    const authorities = (await (await fetch(`${many.url}/api/search?q=children`)).json()).facets.authority.length;
    assert.ok(authorities >= 15, `the index names ${authorities} authorities`);
    const { page, errors } = await newPage();
    await page.goto(`${many.url}/?q=children`);
    const group = page.locator('#facets fieldset', { has: page.locator('legend', { hasText: /^Authority$/ }) });
    await group.locator('.facet-value').first().waitFor();
    assert.equal(await group.locator('.facet-value').count(), 8);
    const more = group.locator('button.facet-more');
    assert.equal(await more.textContent(), `Show all ${authorities} authority values`);
    await more.click();
    assert.equal(await group.locator('.facet-value').count(), authorities);
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'facet-more', 'focus stays on the button');
    const names = await group.locator('.facet-label').allTextContents();
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'shown whole, in A-Z order');
    await group.getByLabel('Filter authority values').fill('bar');
    const visible = await group.locator('.facet-value:visible .facet-label').allTextContents();
    assert.ok(visible.length >= 1 && visible.every((name) => /bar/i.test(name)), `filtered to ${visible}`);
    await more.click();
    assert.equal(await group.locator('.facet-value').count(), 8);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    many.child.kill('SIGTERM');
  }
});

test('the year chart has a bar for every year between the first and the last, and its numbers as a table', async () => {
  const { page, errors } = await newPage();
  await search(page, 'assessment since 2010');
  const years = (await page.locator('#year-chart tbody th').allTextContents()).map(Number);
  for (let i = 1; i < years.length; ++i) assert.equal(years[i], years[i - 1] + 1, 'no year is skipped');
  assert.equal(await page.locator('#year-chart .bar').count(), years.length);
  const selected = (await page.locator('#year-chart tbody tr.on th').allTextContents()).map(Number);
  assert.ok(selected.length && selected.every((y) => y >= 2010), "the words' years are marked");
  // One Tab stop; the arrow keys move between the years with matches.
  assert.equal(await page.locator('#year-chart .bar[tabindex="0"]').count(), 1);
  await page.locator('#year-chart .bar[tabindex="0"]').focus();
  const first = await focusedKey(page);
  await page.keyboard.press('ArrowRight');
  const second = await focusedKey(page);
  assert.notEqual(second, first);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-disabled')), 'false');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedKey(page), first);
  // Shares of the paragraphs there were, as bars, in the table and as CSV.
  await page.locator('#year-chart input[value="share"]').check();
  assert.match(await page.locator('#year-chart .bar[aria-disabled="false"]').first().getAttribute('aria-label'), /% of its paragraphs/);
  const header = await page.locator('#year-chart thead th').allTextContents();
  assert.deepEqual(header.slice(0, 4), ['Year', 'Matches', 'Paragraphs', 'Share']);
  // Each bar is split by finding type, one patterned part per type, and names its parts, which
  // add up to its matches; a legend says which pattern is which.
  for (const bar of await page.locator('#year-chart .bar[aria-disabled="false"]').all()) {
    const [summary, ...parts] = (await bar.getAttribute('aria-label')).replace(/,/g, '').split('; ');
    const matches = Number(summary.match(/^\d+: (\d+) match/)[1]);
    assert.equal(parts.reduce((sum, part) => sum + Number(part.match(/^\d+/)[0]), 0), matches, summary);
    assert.equal(await bar.locator('.segment').count(), parts.length);
  }
  assert.ok((await page.locator('#year-chart .chart-legend li').allTextContents()).some((text) => /strength/.test(text)));
  const csvHref = await page.locator('#year-chart a', { hasText: 'Download the trend as CSV' }).getAttribute('href');
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
  assert.match(csv, /^"year","matches","paragraphs","share"/);
  // Choosing a year searches that year alone: the words' year cue gives way.
  const bar = page.locator('#year-chart .bar[tabindex="0"]').first();
  const label = await bar.getAttribute('aria-label');
  const [year, count] = label.replace(/,/g, '').match(/\d+/g).map(Number);
  await bar.focus();
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(await statusCount(page), count);
  assert.match(page.url(), new RegExp(`year_from=${year}&year_to=${year}`));
  assert.equal(await page.inputValue('#q'), 'assessment');
  assert.equal(await focusedKey(page), `year:${year}`, 'focus stays on the bar');
  assert.deepEqual(errors, []);
  await page.close();
});

test('removing a filter keeps focus among the filters, and clear all removes every one', async () => {
  const { page, errors } = await newPage();
  await page.goto(`${base}/?q=assessment+since+2010&authority=Croydon&authority=Havering`);
  await settled(page);
  assert.equal(await page.locator('#interpretation .chip').count(), 3);
  await page.locator('#interpretation .chip-remove').first().click();
  await settled(page);
  assert.equal(await page.locator('#interpretation .chip').count(), 2);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('chip-remove')), true);
  await page.locator('#interpretation button', { hasText: 'Clear all filters' }).click();
  await settled(page);
  assert.equal(await page.locator('#interpretation .chip').count(), 0);
  assert.equal(new URL(page.url()).search, '?q=assessment');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the results download as CSV, JSON and NDJSON with their citations, and the API link is copied', async () => {
  const { page, errors } = await newPage();
  await search(page, 'assessment Croydon');
  const total = await statusCount(page);
  const csvLink = page.locator('#tools a', { hasText: /^CSV$/ });
  assert.equal(await csvLink.getAttribute('download'), 'findings.csv');
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), await csvLink.getAttribute('href'));
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0], /^rank,id,report_id,.*,url,ofsted_url,text$/);
  assert.equal(lines.length, total + 1, 'a row a match');
  assert.ok(lines.slice(1).every((line) => line.includes(`"${base}/?report=croydon-`)), 'each row cites its paragraph on this page');
  const ndjsonHref = await page.locator('#tools a', { hasText: /^NDJSON$/ }).getAttribute('href');
  const ndjson = await page.evaluate(async (href) => (await fetch(href)).text(), ndjsonHref);
  assert.equal(ndjson.trim().split('\n').length, total);
  const jsonHref = await page.locator('#tools a', { hasText: /^JSON$/ }).getAttribute('href');
  const rows = await page.evaluate(async (href) => (await fetch(href)).json(), jsonHref);
  assert.equal(rows.length, total);
  assert.ok(rows.every((row) => row.url.startsWith(`${base}/?report=croydon-`)), 'each row cites its paragraph on this page');
  await page.locator('#tools button', { hasText: 'Copy the API link' }).click();
  await page.waitForFunction(() => document.getElementById('tools-announcer').textContent !== '');
  assert.match(await page.textContent('#tools-announcer'), new RegExp(`${base.replace(/[.]/g, '\\.')}/api/search\\?q=assessment\\+Croydon`));
  assert.deepEqual(errors, []);
  await page.close();
});

test('from a finding: similar findings elsewhere, where it is a strength, and its authority over time', async () => {
  const { page, errors } = await newPage(1280, 900, { bypassCSP: true });
  await search(page, 'supervision recording weakness since 2009');
  const havering = page.locator('.result', { hasText: 'While supervision takes place on a regular basis' });
  await havering.locator('a', { hasText: 'Similar findings elsewhere' }).click();
  await page.locator('#insight h2', { hasText: 'Similar findings elsewhere' }).waitFor();
  assert.match(await page.textContent('#insight .source'), /While supervision takes place on a regular basis/);
  const authorities = await page.locator('#insight .result .result-heading').allTextContents();
  assert.ok(authorities.length > 0 && authorities.every((name) => !/Havering/.test(name)), `elsewhere: ${authorities}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'insight-heading', 'focus on the view');
  await assertAccessible(page, 'similar findings');
  await page.goBack();
  await settled(page);
  await havering.locator('a', { hasText: 'Havering over time' }).click();
  await page.locator('#insight h2', { hasText: 'Havering over time' }).waitFor();
  const inspections = await page.locator('#insight .timeline li').count();
  assert.ok(inspections >= 1);
  assert.equal(await page.locator('#insight section.inspection').count(), inspections);
  assert.match(await page.textContent('#insight'), /paragraphs? with “supervision recording weakness since 2009”/);
  await page.screenshot({ path: join(screenshots, 'authority-timeline.png'), fullPage: true });
  await assertAccessible(page, 'an authority over time');
  await page.locator('#insight-back').click();
  await settled(page);
  assert.equal(await page.isVisible('#insight-view'), false);
  assert.match(await focusedKey(page), /^finding:havering-.*:timeline$/, 'focus returns to the link that opened the view');
  assert.deepEqual(errors, []);
  await page.close();
});

test('two periods side by side: each total is what its own search gives, and the two add up to the search', async () => {
  const { page, errors } = await newPage(1280, 900, { bypassCSP: true });
  await search(page, 'supervision');
  const total = await statusCount(page);
  await page.locator('#tools a', { hasText: 'Compare two authorities, regions or periods' }).click();
  await page.locator('#insight', { hasText: 'Choose the two sides to compare.' }).waitFor();
  await page.fill('#compare-q', 'supervision records');  // typed before the sides are chosen: kept
  await page.locator('#compare-by').focus();
  await page.selectOption('#compare-by', 'years');
  await page.locator('input[name="a_year_to"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-by', 'focus stays on the choice');
  assert.equal(await page.inputValue('#compare-q'), 'supervision records');
  await page.fill('#compare-q', 'supervision');
  await page.locator('input[name="a_year_to"]').fill('2009');
  await page.locator('input[name="b_year_from"]').fill('2010');
  await page.locator('.compare-form button[type="submit"]').click();
  await page.locator('#insight h2', { hasText: '“supervision”: up to 2009 beside since 2010' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'insight-heading');
  const sideTotal = async (index) => Number((await page.locator('.compare-total').nth(index).textContent()).replace(/,/g, '').match(/^\d+/)[0]);
  const [first, second] = [await sideTotal(0), await sideTotal(1)];
  assert.ok(first > 0 && second > 0, `both periods have matches: ${first}, ${second}`);
  assert.equal(first + second, total, 'the two periods cover every year of the search');
  await assertAccessible(page, 'two periods side by side');
  await page.screenshot({ path: join(screenshots, 'comparison.png'), fullPage: true });
  await page.locator('.compare-column').nth(1).locator('a', { hasText: `All ${second} as a search` }).click();
  await settled(page);
  assert.equal(await statusCount(page), second, "a side's link leads to a search with its total");
  assert.deepEqual(errors, []);
  await page.close();
});

test('one paragraph per report: each report once, and a link to all its matching paragraphs', async () => {
  const { page, errors } = await newPage();
  await search(page, 'supervision');
  await page.locator('#collapse').check();
  await settled(page);
  assert.match(await page.textContent('#status'), /\(one per report\)/);
  const reports = (await page.locator('#results .result-link').evaluateAll((links) => links.map((link) => link.href)))
    .map((href) => new URL(href).searchParams.get('report'));
  assert.equal(new Set(reports).size, reports.length, 'no report twice');
  const link = page.locator('#results .report-matches a').first();
  const count = Number((await link.textContent()).replace(/,/g, '').match(/\d+/)[0]);
  const report = new URL(await link.locator('xpath=ancestor::li').locator('.result-link').getAttribute('href'), base).searchParams.get('report');
  await link.click();
  await settled(page);
  assert.equal(await statusCount(page), count, 'the link lists as many paragraphs as it counted');
  const listed = (await page.locator('#results .result-link').evaluateAll((links) => links.map((l) => l.href)))
    .map((href) => new URL(href).searchParams.get('report'));
  assert.ok(listed.length && listed.every((id) => id === report), 'all of them in that report');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a result opens its report at the hit, and back returns to the results with focus on that result', async () => {
  const { page } = await newPage();
  await search(page, 'supervision recording weakness since 2009');
  const resultsUrl = page.url();
  await page.locator('.result', { hasText: 'While supervision takes place on a regular basis' }).locator('a.result-link').click();
  const hit = page.locator('.paragraph.hit');
  await hit.waitFor();
  assert.match(await hit.textContent(), /While supervision takes place on a regular basis/);
  assert.match(await page.textContent('#report'), /Havering/);
  assert.ok(await hit.evaluate((node) => { const box = node.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; }),
    'the hit is scrolled into view');
  await page.locator('#back-link').click();
  await settled(page);
  assert.equal(page.url(), resultsUrl);
  assert.equal(await page.isVisible('#report-view'), false);
  assert.match(await focusedKey(page), /^result:havering-/, 'focus returns to the result opened');
  await page.close();
});

test('the report view marks the words searched, steps from match to match and cites a paragraph', async () => {
  const { page, errors } = await newPage(1280, 900, { bypassCSP: true });
  await page.goto(`${base}/?q=referrals&report=havering-2011-06-30-unannounced-inspection`);
  await page.locator('#report h2').waitFor();
  const matched = await page.locator('#report .paragraph.matched').count();
  const counted = await (await fetch(`${base}/api/search?q=referrals&report=havering-2011-06-30-unannounced-inspection&per_page=0`)).json();
  assert.equal(matched, counted.total, 'the matches stepped through are the paragraphs the search counts');
  assert.ok(matched >= 3, `${matched} paragraphs match`);
  assert.ok(await page.locator('#report .paragraph.matched mark').count() >= matched);
  await page.locator('.match-nav button', { hasText: 'Next match' }).click();
  assert.match(await page.textContent('.match-position'), new RegExp(`^Match 1 of ${matched}$`));
  await page.locator('.match-nav button', { hasText: 'Next match' }).click();
  assert.match(await page.textContent('.match-position'), new RegExp(`^Match 2 of ${matched}$`));
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('matched')), true, 'focus moves to the match');
  // Opened at a match, the next match is the one after it.
  const second = await page.evaluate(() => document.activeElement.id.slice(1));
  await page.goto(`${base}/?q=referrals&report=havering-2011-06-30-unannounced-inspection&hit=${second}`);
  await page.locator('.match-nav').waitFor();
  await page.locator('.match-nav button', { hasText: 'Next match' }).click();
  assert.match(await page.textContent('.match-position'), new RegExp(`^Match 3 of ${matched}$`));
  // Every paragraph can be cited, matched or not.
  assert.equal(await page.locator('#report .cite').count(), await page.locator('#report .paragraph').count());
  await page.evaluate(() => document.activeElement.querySelector('.cite').click());
  await page.waitForFunction(() => /paragraph \d+\. http/.test(document.getElementById('report-announcer').textContent));
  assert.match(await page.textContent('#report-announcer'), /Havering\. .*Ofsted, 2011-06-30, paragraph \d+\. http:\/\/127\.0\.0\.1:\d+\/\?report=havering-2011-06-30-unannounced-inspection&hit=\d+/);
  assert.equal(await page.locator('#report .tag', { hasText: /^judgement$/ }).count(), 0, 'no tag repeats "judgement"');
  assert.match(await page.textContent('#report .outline summary'), /^Contents \(\d+ sections\)$/);
  await page.screenshot({ path: join(screenshots, 'report.png') });
  await assertAccessible(page, 'the report view');
  assert.deepEqual(errors, []);
  await page.close();
});

test("a graded report's view shows its judgements as a table, each grade in words with a mark beside its colour", async () => {
  const { page, errors } = await newPage();
  await page.goto(`${base}/?report=redbridge-2010-03-05-inspection`);
  const table = page.locator('#report table.grades');
  await table.waitFor();
  assert.equal(await table.locator('caption').textContent(), 'Judgements');
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), 33);  // the record of main findings: 15 safeguarding, 18 looked after
  const first = rows.first();
  assert.equal(await first.locator('th').textContent(), 'Safeguarding services: Overall effectiveness');
  assert.match(await first.locator('td').textContent(), /● adequate/);
  assert.equal(await page.getAttribute('#report a.published', 'href'), 'https://reports.ofsted.gov.uk/provider/44/80512');
  // Redbridge's other inspection is a link away.
  const others = page.locator('#report .inspections a');
  await others.first().waitFor();
  assert.match(await others.first().textContent(), /^2009-07-29: /);
  // A report that grades nothing has no table, and no stray text where it would be.
  await page.goto(`${base}/?report=havering-2011-06-30-unannounced-inspection`);
  await page.locator('#report h2').waitFor();
  assert.equal(await page.locator('#report table.grades').count(), 0);
  await assertNoStrayText(page, 'a report that grades nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('report text that looks like a script is shown as text and never run', async () => {
  const { page, errors } = await newPage();
  await search(page, 'quokkas');
  const result = page.locator('.result', { hasText: 'Quokkas' });
  await result.waitFor();
  assert.match(await result.textContent(), /<script>window\.injected = 1<\/script>/);
  await result.locator('a.result-link').click();
  await page.locator('.paragraph.hit').waitFor();
  assert.match(await page.textContent('.paragraph.hit'), /<script>window\.injected = 1<\/script>/);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.equal(await page.locator('#report script').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a misspelt word is corrected, and the words as typed are one click away', async () => {
  const { page } = await newPage();
  await search(page, 'supervison');
  assert.match(await page.textContent('#advice'), /Showing results for supervision\. Search instead for supervison/);
  assert.doesNotMatch(await page.textContent('#status'), /^0 paragraphs/);
  await page.locator('#advice a').click();
  await page.waitForFunction(() => document.querySelector('#search-view').dataset.shown?.includes('autocorrect=0'));
  assert.match(await page.textContent('#status'), /^0 paragraphs/);
  assert.match(await page.textContent('#advice'), /Did you mean supervision\?/);
  await page.close();
});

test('an empty result suggests what to change', async () => {
  const { page } = await newPage(1280, 900, { bypassCSP: true });
  await search(page, 'Croydon priority action since 2011');
  assert.match(await page.textContent('#advice'), /without/);
  await assertAccessible(page, 'an empty result');
  await page.close();
});

test('a failed search replaces what it makes untrue, says what to do, and keeps a bad filter removable', async () => {
  const { page } = await newPage(1280, 900, { bypassCSP: true });
  await search(page, 'assessment');
  assert.ok(await page.locator('.result').count() > 0);
  await page.goto(`${base}/?q=assessment&authority=Narnia`);
  await settled(page);
  assert.match(await page.textContent('#status'), /^The search failed: unknown authority "Narnia"/);
  for (const part of ['#results', '#facets', '#pager', '#year-chart']) {
    assert.equal(await page.locator(`${part} > *`).count(), 0, `${part} is emptied`);
  }
  assert.match(await page.textContent('#advice'), /^Remove a filter above\.$/, 'asking again would fail again');
  await assertAccessible(page, 'a failed search');
  await page.locator('#interpretation .chip-remove').click();
  await settled(page);
  assert.ok(await page.locator('.result').count() > 0, 'removing the bad filter searches again');
  // A bad order or page in the URL has no chip: the advice leads to the same words in the usual order.
  await page.goto(`${base}/?q=assessment&page=0&sort=random`);
  await settled(page);
  assert.match(await page.textContent('#status'), /^The search failed: /);
  await page.locator('#advice a', { hasText: 'search again in the usual order from the first page' }).click();
  await settled(page);
  assert.ok(await page.locator('.result').count() > 0, 'the same words searched again');
  assert.equal(new URL(page.url()).search, '?q=assessment');
  await page.close();
});

test('the page can be used with the keyboard alone, and its main states pass axe-core', async () => {
  const { page, errors } = await newPage(1280, 900, { bypassCSP: true });
  await search(page, 'emergency duty team');
  await assertAccessible(page, 'the results');
  // The skip link is the first stop, and leads past the filters to the results.
  await page.goto(page.url());
  await settled(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  let reachedResult = false;
  for (let i = 0; i < 15 && !reachedResult; ++i) {
    await page.keyboard.press('Tab');
    reachedResult = await page.evaluate(() => document.activeElement.classList.contains('result-link'));
  }
  assert.ok(reachedResult, 'a result link is a few Tab presses past the skip link');
  await page.keyboard.press('Enter');
  await page.locator('.paragraph.hit').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
