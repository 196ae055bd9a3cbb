// The counselor report in a real headless Chromium, opened from a file://
// URL exactly as a counselor would open it from their downloads folder.
//
// The page under test is written by the real core
// (`cargo run -p keel-core --example write_sample_report`); run.sh builds it
// and passes its path in KEEL_SAMPLE_REPORT, or this file builds it itself.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const PASSPHRASE = 'maple river candle orbit';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCRIPT_INJECTION = '<script>window.__pwned=1</script>';
const IMG_INJECTION = '<img src=x onerror="window.__pwned=1">';
const MESSAGES = {
  wrong: 'That passphrase does not open this report. Check it and try again.',
  damaged: 'This report file has been changed or damaged and cannot be trusted. Ask for a new copy.',
  version: 'This report was made by a newer version of the app. Ask for a new copy.',
  outOfRange: 'This report file holds a setting outside what the app writes: it was changed or ' +
    'damaged and cannot be trusted. Ask for a new copy.',
};

let browser;
let work;
let samplePath;
const requests = [];
const problems = [];

function buildSample(out) {
  const run = spawnSync(
    'cargo',
    ['run', '-q', '-p', 'keel-core', '--example', 'write_sample_report', '--', out, PASSPHRASE],
    { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  assert.equal(run.status, 0, 'the sample report could not be built');
}

/** A copy of the sample whose container has one bit flipped at `offset`
 *  (negative: from the end). */
function tampered(offset) {
  const html = readFileSync(samplePath, 'utf8');
  const open = 'id="keel-report">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('</script>', start);
  const bytes = Buffer.from(html.slice(start, end), 'base64');
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] ^= 0x01;
  const out = join(work, `tampered-${at}.html`);
  writeFileSync(out, html.slice(0, start) + bytes.toString('base64') + html.slice(end));
  return out;
}

async function openPage(path) {
  const page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  const url = pathToFileURL(path).href;
  await page.goto(url);
  return { page, url };
}

async function unlock(page, passphrase) {
  await page.fill('#passphrase', passphrase);
  await page.click('#open-button');
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'keel-browser-'));
  samplePath = process.env.KEEL_SAMPLE_REPORT;
  if (!samplePath || !existsSync(samplePath)) {
    samplePath = join(work, 'report-sample.html');
    buildSample(samplePath);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
});

test('before unlocking, the page shows only a neutral passphrase form', async () => {
  const { page } = await openPage(samplePath);
  assert.equal(await page.title(), 'Encrypted report');
  assert.equal(await page.textContent('h1'), 'Encrypted report');
  assert.equal(await page.isVisible('#report'), false);
  // The input has a label and has focus, ready to type.
  assert.equal(await page.getAttribute('label[for="passphrase"]', 'for'), 'passphrase');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'passphrase');
  assert.equal(await page.evaluate(() => window.isSecureContext), true);
  await page.close();
});

test('the right passphrase, typed and sent with Enter, renders the report', async () => {
  const { page } = await openPage(samplePath);
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#report-title', { state: 'visible' });
  assert.equal(await page.textContent('#report-title'), 'Keel progress report');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report-title');
  assert.equal(await page.title(), 'Keel progress report');
  const headings = await page.$$eval('#report h2', (hs) => hs.map((h) => h.textContent));
  for (const h of ['Overview', 'Journal notes shared', 'Relapse-prevention plan', 'Cravings',
    'Daily check-ins', 'Meeting attendance']) {
    assert.ok(headings.includes(h), `heading ${h} in ${headings}`);
  }
  assert.match(headings[0], /42 CFR Part 2/);
  // Tables: captions, column headers with scope, a known cell.
  const cells = await page.$$eval('#report td, #report tbody th', (c) => c.map((x) => x.textContent));
  assert.ok(cells.includes('Stress at work'));
  assert.ok(cells.includes('Called Sam instead of going out.'));
  assert.ok(cells.includes('Tuesday night group'));
  const scopes = await page.$$eval('#report thead th', (t) => t.map((x) => x.getAttribute('scope')));
  assert.ok(scopes.length > 0 && scopes.every((s) => s === 'col'));
  // Charts: SVG drawn with real elements, labelled for assistive tech.
  const charts = await page.$$eval('#report figure > svg.chart', (svgs) => svgs.map((s) => ({
    role: s.getAttribute('role'),
    labelled: !!document.getElementById(s.getAttribute('aria-labelledby')),
    bars: s.querySelectorAll('rect').length,
    lines: s.querySelectorAll('polyline').length,
    ns: s.namespaceURI,
  })));
  assert.equal(charts.length, 2);
  assert.deepEqual(charts.map((c) => c.role), ['img', 'img']);
  assert.ok(charts.every((c) => c.labelled && c.ns === 'http://www.w3.org/2000/svg'));
  assert.equal(charts[0].bars, 8, 'two series of four bars');
  assert.equal(charts[1].lines, 1);
  // The period and the plan's ordered list.
  assert.match(await page.textContent('#report .meta'), /2025-11-01 – 2025-11-24/);
  const plan = await page.$$eval('#report ol li', (li) => li.map((x) => x.textContent));
  assert.ok(plan.includes('Text my sponsor before 9 pm'));
  await page.screenshot({ path: join(work, 'report.png'), fullPage: true });
  // Closing forgets the rendered report.
  await page.click('text=Close report');
  assert.equal(await page.isVisible('#report'), false);
  assert.equal(await page.$$eval('#report *', (n) => n.length), 0);
  await page.close();
});

test('the passphrase is normalised like the core does it', async () => {
  const { page } = await openPage(samplePath);
  await unlock(page, '  maple  river\u00a0candle orbit ');
  await page.waitForSelector('#report-title', { state: 'visible' });
  await page.close();
});

test('a wrong passphrase is refused with a clear message', async () => {
  const { page } = await openPage(samplePath);
  await unlock(page, 'maple river candle');
  await page.waitForFunction(() => document.getElementById('message').textContent.length > 0);
  assert.equal(await page.textContent('#message'), MESSAGES.wrong);
  assert.equal(await page.getAttribute('#message', 'role'), 'alert');
  assert.equal(await page.isVisible('#report'), false);
  // An empty passphrase is answered without any work.
  await unlock(page, '   ');
  assert.equal(await page.textContent('#message'), 'Type the passphrase first.');
  await page.close();
});

test('a tampered file is refused, wherever the bit was flipped', async () => {
  // Offsets: in the encrypted body, its last byte (the tag), and the byte
  // right after the check block (the body's nonce).
  for (const offset of [-200, -1, 29 + 28]) {
    const { page } = await openPage(tampered(offset));
    await unlock(page, PASSPHRASE);
    await page.waitForFunction(() => document.getElementById('message').textContent.length > 0);
    assert.equal(await page.textContent('#message'), MESSAGES.damaged, `offset ${offset}`);
    assert.equal(await page.isVisible('#report'), false);
    await page.close();
  }
  // A flipped bit in the header or check block changes the key check:
  // refused as well (as a wrong passphrase, all a reader can know).
  const { page } = await openPage(tampered(20));
  await unlock(page, PASSPHRASE);
  await page.waitForFunction(() => document.getElementById('message').textContent.length > 0);
  assert.equal(await page.textContent('#message'), MESSAGES.wrong);
  await page.close();
});

/** A copy of the sample whose container has `bytes` written at `offset`. */
function patched(offset, bytes) {
  const html = readFileSync(samplePath, 'utf8');
  const open = 'id="keel-report">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('</script>', start);
  const container = Buffer.from(html.slice(start, end), 'base64');
  Buffer.from(bytes).copy(container, offset);
  const out = join(work, `patched-${offset}-${Buffer.from(bytes).toString('hex')}.html`);
  writeFileSync(out, html.slice(0, start) + container.toString('base64') + html.slice(end));
  return out;
}

/** A page holding a container sealed here (Node's WebCrypto, the layout of
 *  docs/report-format.md) around `json`, under PASSPHRASE: authentic, so
 *  the viewer gets as far as reading the document. */
async function sealedPage(json) {
  const { subtle } = globalThis.crypto;
  const random = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  const enc = new TextEncoder();
  const salt = random(16);
  const header = Buffer.alloc(29);
  header.write('KEELRPT1', 0, 'ascii');
  header[8] = 1;
  header.writeUInt32LE(600000, 9);
  Buffer.from(salt).copy(header, 13);
  const base = await subtle.importKey('raw', enc.encode(PASSPHRASE), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' },
    base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const seal = async (purpose, plain) => {
    const iv = random(12);
    const aad = Buffer.concat([header, Buffer.from(purpose, 'ascii')]);
    const sealed = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain);
    return Buffer.concat([Buffer.from(iv), Buffer.from(sealed)]);
  };
  const body = Buffer.from(json, 'utf8');
  const padded = Buffer.alloc(Math.max(64, 2 ** Math.ceil(Math.log2(body.length + 4))));
  padded.writeUInt32LE(body.length, 0);
  body.copy(padded, 4);
  const container = Buffer.concat([header, await seal('check', new Uint8Array(0)), await seal('body', padded)]);
  const html = readFileSync(samplePath, 'utf8');
  const open = 'id="keel-report">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('</script>', start);
  const out = join(work, `sealed-${Date.now()}.html`);
  writeFileSync(out, html.slice(0, start) + container.toString('base64') + html.slice(end));
  return out;
}

test('a document of a newer format is told apart from a damaged one', async () => {
  const doc = { format: 2, title: 'T', sections: [], period: { from: 'a', to: 'b' }, disclosure: { heading: '', paragraphs: [] } };
  for (const [format, code] of [[2, 'newer_format'], [0, 'damaged'], ['1', 'damaged'], [1, null]]) {
    const { page } = await openPage(await sealedPage(JSON.stringify({ ...doc, format })));
    await unlock(page, PASSPHRASE);
    if (code === null) {
      await page.waitForSelector('#report-title', { state: 'visible' });
    } else {
      await page.waitForFunction(() => document.getElementById('message').textContent.length > 0);
      assert.equal(await page.getAttribute('#message', 'data-error'), code, `format ${format}`);
    }
    await page.close();
  }
});

test('each way a report fails to open has its code and message', async () => {
  const cases = [
    // 2^32 - 1 PBKDF2 iterations: refused before any key derivation.
    [patched(9, [0xff, 0xff, 0xff, 0xff]), 'out_of_range', MESSAGES.outOfRange],
    [patched(9, [0x00, 0x00, 0x00, 0x00]), 'out_of_range', MESSAGES.outOfRange],
    [patched(8, [2]), 'newer_format', MESSAGES.version],
    [patched(0, [0x50, 0x4b]), 'not_a_report', MESSAGES.damaged],
    [tampered(-1), 'damaged', MESSAGES.damaged],
    [samplePath, 'wrong_passphrase', MESSAGES.wrong],
  ];
  for (const [path, code, message] of cases) {
    const { page } = await openPage(path);
    await unlock(page, code === 'wrong_passphrase' ? 'maple river candle' : PASSPHRASE);
    await page.waitForFunction(() => document.getElementById('message').textContent.length > 0);
    assert.equal(await page.getAttribute('#message', 'data-error'), code, path);
    assert.equal(await page.textContent('#message'), message, code);
    assert.equal(await page.isVisible('#report'), false);
    await page.close();
  }
});

test('markup in participant text stays inert, visible text', async () => {
  const { page } = await openPage(samplePath);
  await unlock(page, PASSPHRASE);
  await page.waitForSelector('#report-title', { state: 'visible' });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
  const text = await page.textContent('#report');
  assert.ok(text.includes(SCRIPT_INJECTION), 'script tag shown literally');
  assert.ok(text.includes(IMG_INJECTION), 'img tag shown literally');
  assert.ok(text.includes(`${IMG_INJECTION} stayed text`), 'journal note shown literally');
  assert.equal(await page.$$eval('#report img, #report script', (n) => n.length), 0);
  await page.close();
});

test('print styles hide the controls and keep the content', async () => {
  const { page } = await openPage(samplePath);
  await unlock(page, PASSPHRASE);
  await page.waitForSelector('#report-title', { state: 'visible' });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.toolbar'), false);
  assert.equal(await page.isVisible('nav'), false);
  assert.equal(await page.isVisible('#report-title'), true);
  assert.equal(await page.isVisible('.notice'), true);
  await page.close();
});

test('no request leaves the file, and the CSP blocked nothing of ours', async () => {
  assert.ok(requests.length > 0);
  const files = new Set(requests.map((u) => new URL(u).protocol));
  assert.deepEqual([...files], ['file:'], `requests: ${requests.join(', ')}`);
  for (const url of requests) {
    assert.ok(url.endsWith('.html'), `unexpected request ${url}`);
  }
  assert.deepEqual(problems, []);
});
