// Direction isolation in the counselor report, in a real headless Chromium.
//
// The page is written by the real core's section builders from entries that
// hold right-to-left overrides (U+202E), Arabic and Hebrew
// (`write_sample_report OUT PASSPHRASE bidi`; run.sh passes its path in
// KEEL_BIDI_REPORT, or this file builds it itself). Every participant-written
// string must be its own isolated <bdi dir="auto">, and the other parts of a
// line that joins several must keep their visual order: checked on the
// rendered glyphs' bounding boxes, not on the markup.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const PASSPHRASE = 'maple river candle orbit';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RLO = '\u202e';

// The same strings as `BIDI` in core/examples/write_sample_report.rs.
const TYPED = [
  `${RLO}evil trigger`, 'Stress at work', 'ضغط العمل', '42nd street bar',
  `${RLO}walk it off`, 'Called Sam', `${RLO}a party invite`, 'call Sam first',
  'נדודי שינה 3 לילות', 'שלום 123', `${RLO}call my sister`, `${RLO}Hard day, 2 calls`,
];

let browser;
let page;

before(async () => {
  let sample = process.env.KEEL_BIDI_REPORT;
  if (!sample || !existsSync(sample)) {
    sample = join(mkdtempSync(join(tmpdir(), 'keel-bidi-')), 'report-bidi.html');
    const run = spawnSync(
      'cargo',
      ['run', '-q', '-p', 'keel-core', '--example', 'write_sample_report', '--', sample, PASSPHRASE, 'bidi'],
      { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    assert.equal(run.status, 0, 'the bidi sample report could not be built');
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  await page.goto(pathToFileURL(sample).href);
  await page.fill('#passphrase', PASSPHRASE);
  await page.click('#open-button');
  await page.waitForSelector('#report-title', { state: 'visible' });
});

after(async () => {
  if (browser) await browser.close();
});

test('every participant-written string is its own isolated bdi', async () => {
  const pieces = await page.$$eval('#report bdi', (nodes) => nodes.map((b) => ({
    text: b.textContent,
    dir: b.getAttribute('dir'),
    isolate: getComputedStyle(b).unicodeBidi,
  })));
  for (const typed of TYPED) {
    assert.ok(pieces.some((p) => p.text === typed), `${JSON.stringify(typed)} is not its own bdi`);
  }
  assert.ok(pieces.every((p) => p.dir === 'auto' && p.isolate === 'isolate'),
    JSON.stringify(pieces.filter((p) => p.dir !== 'auto' || p.isolate !== 'isolate')));
  // The core's marks (FSI/PDI) became elements: none is left in the text.
  const text = await page.textContent('#report');
  assert.ok(!/[\u2066-\u2069]/.test(text), 'isolate marks left in the text');
  // Words the core wrote are never put in a bdi.
  assert.ok(!pieces.some((p) => p.text === 'Rode it out' || p.text === 'Cravings'));
});

/** Left and right edges, on screen, of each `needle` (in order) in the first
 *  element matching `selector` whose text holds them all. */
async function boxes(selector, needles) {
  return page.evaluate(([sel, wanted]) => {
    const host = [...document.querySelectorAll(sel)]
      .find((n) => wanted.every((w) => n.textContent.includes(w)));
    if (!host) return null;
    const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.data;
    }
    const at = (i) => {
      let k = nodes.length - 1;
      while (k > 0 && nodes[k][1] > i) k -= 1;
      return [nodes[k][0], i - nodes[k][1]];
    };
    return wanted.map((w) => {
      const start = all.indexOf(w);
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + w.length - 1));
      range.setEnd(range.endContainer, range.endOffset + 1);
      const r = range.getBoundingClientRect();
      return { needle: w, left: r.left, right: r.right };
    });
  }, [selector, needles]);
}

/** Asserts the needles stand left to right, each after the one before. */
function leftToRight(found, what) {
  assert.ok(found, `${what}: line not found`);
  for (let i = 1; i < found.length; i += 1) {
    assert.ok(found[i].left >= found[i - 1].right - 0.5,
      `${what}: ${JSON.stringify(found[i].needle)} (${found[i].left}) is not after ` +
      `${JSON.stringify(found[i - 1].needle)} (${found[i - 1].right})`);
  }
}

test('a right-to-left override in one trigger does not reverse the next one', async () => {
  leftToRight(await boxes('#report td', ['evil trigger', ', ', 'Stress at work']), 'triggers');
  leftToRight(await boxes('#report td', ['walk it off', ', ', 'Called Sam']), 'coping');
});

test('an override in an if-then plan keeps the arrow and the action in place', async () => {
  leftToRight(await boxes('#report li', ['a party invite', '→', 'call Sam first']), 'coping plan');
});

test('an Arabic trigger does not pull the digits of the next one to its side', async () => {
  leftToRight(await boxes('#report td', ['ضغط العمل', ', ', '42nd street bar']), 'triggers');
});

test('a Hebrew warning sign stays after its stage label', async () => {
  const found = await page.evaluate((hebrew) => {
    const li = [...document.querySelectorAll('#report li')].find((n) => n.textContent.includes(hebrew));
    if (!li) return null;
    const bdi = li.querySelector('bdi');
    const label = document.createRange();
    label.selectNodeContents(li.firstChild);
    return { label: label.getBoundingClientRect().right, text: bdi.getBoundingClientRect().left,
      own: bdi.textContent === hebrew };
  }, 'נדודי שינה 3 לילות');
  assert.ok(found && found.own, 'warning sign line');
  assert.ok(found.text >= found.label - 0.5, JSON.stringify(found));
});
