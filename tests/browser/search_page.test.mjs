// Browser tests of the search page in Debian's headless Chromium: the flagship query, facets,
// the report view, the back button, script-looking report text shown as text, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(build, 'searchd', 'searchd'), ['--db', db, '--port', '0', '--quiet', '--web', join(project, 'web')],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    setTimeout(() => reject(new Error('searchd did not start')), 10000);
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

async function newPage(width = 1280, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return { page, errors };
}

// Waits until the page shows the answer for its URL: never a state in between ("Searching…").
async function settled(page) {
  await page.waitForFunction(() => {
    const view = document.getElementById('search-view');
    return view.getAttribute('aria-busy') === 'false' && view.dataset.shown === location.pathname + location.search;
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
  await page.screenshot({ path: join(screenshots, 'results-laptop.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the results page is readable on a 375-pixel phone', async () => {
  const { page, errors } = await newPage(375, 812);
  await search(page, 'supervision recording weakness since 2009');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: join(screenshots, 'results-phone.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a facet click filters the results and shows in the URL, and removing it restores them', async () => {
  const { page } = await newPage();
  await search(page, 'assessment');
  const before = await statusCount(page);
  const croydon = page.locator('#facets button.facet', { hasText: 'Croydon' });
  const facetCount = Number((await croydon.locator('.count').textContent()).replace(/,/g, ''));
  await croydon.click();
  await settled(page);
  assert.equal(await statusCount(page), facetCount, 'the total becomes the facet count');
  assert.match(page.url(), /authority=Croydon/);
  assert.equal(await page.locator('#facets button.facet.on').count(), 1);
  await page.click('#interpretation .chip-remove');
  await settled(page);
  assert.equal(await statusCount(page), before, 'removing the filter restores the total');
  await page.close();
});

test('a facet with many values shows eight, and a button shows every value and then fewer again', async () => {
  // An index of its own: the seed reports name too few authorities.
  const folder = join(temp, 'many-authorities');
  mkdirSync(folder);
  const reports = join(project, 'corpus', 'reports');
  const byAuthority = new Map();  // one report each of the first 15 authorities by name
  for (const name of readdirSync(reports).filter((n) => n.endsWith('.txt')).sort()) {
    const authority = name.replace(/-\d{4}-\d\d-\d\d.*$/, '');
    if (byAuthority.size < 15 && !byAuthority.has(authority)) byAuthority.set(authority, name);
  }
  for (const name of byAuthority.values()) copyFileSync(join(reports, name), join(folder, name));
  execFileSync(join(build, 'indexer', 'indexer'), ['--db', join(temp, 'many-index'), folder], { stdio: 'ignore' });
  const many = await startServer(join(temp, 'many-index'));
  try {
    const authorities = (await (await fetch(`${many.url}/api/search?q=children`)).json()).facets.authority.length;
    assert.ok(authorities > 8, `the index names ${authorities} authorities`);
    const { page, errors } = await newPage();
    await page.goto(`${many.url}/?q=children`);
    const group = page.locator('#facets .facet-group', { has: page.locator('h3', { hasText: /^Authority$/ }) });
    await group.locator('button.facet').first().waitFor();
    assert.equal(await group.locator('button.facet').count(), 8);
    const more = group.locator('button.facet-more');
    assert.equal(await more.textContent(), `Show all ${authorities}`);
    await more.click();
    assert.equal(await group.locator('button.facet').count(), authorities);
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'facet-more', 'focus stays on the button');
    await page.keyboard.press('Enter');
    assert.equal(await group.locator('button.facet').count(), 8);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    many.child.kill('SIGTERM');
  }
});

test('several values of a facet can be chosen, and a year in the chart filters the results', async () => {
  const { page } = await newPage();
  await search(page, 'assessment');
  for (const name of ['Croydon', 'Havering']) {
    await page.locator('#facets button.facet', { hasText: name }).click();
    await settled(page);
  }
  assert.equal(await page.locator('#facets button.facet.on').count(), 2);
  const authorities = await page.locator('.result .tag').allTextContents();
  assert.ok(authorities.some((t) => t === 'Croydon') && authorities.every((t) => !['Redbridge', 'Barking and Dagenham'].includes(t)));
  await page.locator('#year-chart .bar').first().click();
  await settled(page);
  assert.match(page.url(), /year_from=\d{4}&year_to=\d{4}|year_to=\d{4}.*year_from=\d{4}/);
  await page.close();
});

test('a result opens its report at the hit, and the back button returns to the results', async () => {
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
  await page.goBack();
  await page.locator('.result').first().waitFor();
  assert.equal(page.url(), resultsUrl);
  assert.equal(await page.isVisible('#report-view'), false);
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
  // A report that grades nothing has no table, and no stray text where it would be.
  await page.goto(`${base}/?report=havering-2011-06-30-unannounced-inspection`);
  await page.locator('#report h2').waitFor();
  assert.equal(await page.locator('#report table.grades').count(), 0);
  assert.doesNotMatch(await page.textContent('#report'), /\bnull\b|undefined/);
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
  const { page } = await newPage();
  await search(page, 'Croydon priority action since 2011');
  assert.match(await page.textContent('#advice'), /without/);
  await page.close();
});

test('the page can be used with the keyboard alone', async () => {
  const { page } = await newPage();
  await search(page, 'emergency duty team');
  await page.keyboard.press('Tab');
  let reachedResult = false;
  for (let i = 0; i < 30 && !reachedResult; ++i) {
    reachedResult = await page.evaluate(() => document.activeElement.classList.contains('result-link'));
    if (!reachedResult) await page.keyboard.press('Tab');
  }
  assert.ok(reachedResult, 'a result link is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.locator('.paragraph.hit').waitFor();
  await page.close();
});
