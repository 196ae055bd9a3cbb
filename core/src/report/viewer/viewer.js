/* Report viewer: decrypts the embedded container with WebCrypto and
 * renders the document. No libraries, no network. Every piece of text from
 * the document goes into the page through textContent / createTextNode, so
 * nothing in it is ever parsed as markup. Format: docs/report-format.md. */
(function () {
  'use strict';

  var MAGIC = 'KEELRPT1';
  var VERSION = 1;
  var HEADER_LEN = 29;
  var NONCE_LEN = 12;
  var TAG_LEN = 16;
  var CHECK_LEN = NONCE_LEN + TAG_LEN;
  var MIN_ITERATIONS = 600000;
  var MAX_ITERATIONS = 10000000;
  var MAX_CONTAINER = 64 * 1024 * 1024;
  var DOCUMENT_FORMAT = 1;
  var SVG = 'http://www.w3.org/2000/svg';

  var i18n = JSON.parse(byId('keel-i18n').textContent);
  var form = byId('unlock');
  var input = byId('passphrase');
  var show = byId('show-passphrase');
  var button = byId('open-button');
  var message = byId('message');
  var progress = byId('progress');
  var unlockView = byId('unlock-view');
  var report = byId('report');
  var busy = false;
  var uid = 0;

  function byId(id) { return document.getElementById(id); }

  /* A failure with its stable code (docs/errors.md, "The report viewer"),
   * shown as its message and kept in the message's data-error attribute. */
  function fail(code) { var e = new Error(code); e.code = code; return e; }
  var MESSAGE_OF = {
    wrong_passphrase: 'wrong', damaged: 'damaged', not_a_report: 'damaged',
    newer_format: 'version', out_of_range: 'outOfRange', unsupported: 'unsupported', empty: 'empty'
  };

  /* Element with fixed attributes and optional text (always as text). */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    if (text !== undefined && text !== null) appendText(node, String(text));
    return node;
  }

  /* What the participant typed arrives between FSI (U+2068) and PDI
   * (U+2069) (docs/report-format.md). Each such piece becomes its own
   * <bdi dir="auto">, so its direction (an Arabic name, a right-to-left
   * override) never reorders the rest of the line; the marks themselves
   * are not kept. */
  var FSI = '\u2068', PDI = '\u2069';
  function appendText(node, value) {
    var at = 0;
    while (at < value.length) {
      var open = value.indexOf(FSI, at);
      var close = open < 0 ? -1 : value.indexOf(PDI, open + 1);
      if (open < 0 || close < 0) { appendPlain(node, value.slice(at)); return; }
      appendPlain(node, value.slice(at, open));
      var piece = document.createElement('bdi');
      piece.setAttribute('dir', 'auto');
      piece.textContent = value.slice(open + 1, close);
      node.appendChild(piece);
      at = close + 1;
    }
  }

  function appendPlain(node, value) {
    var plain = value.split(FSI).join('').split(PDI).join('');
    if (plain) node.appendChild(document.createTextNode(plain));
  }

  /* SVG text has no <bdi>: the marks stay and isolate there themselves
   * (shortened text loses them, then gets them back around the whole). */
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function shorten(label, max) {
    var plain = label.split(FSI).join('').split(PDI).join('');
    if (plain.length <= max) return label;
    var cut = plain.slice(0, max - 1) + '…';
    return plain.length === label.length ? cut : FSI + cut + PDI;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
  }

  function nextId(prefix) { uid += 1; return prefix + '-' + uid; }

  /* The same normalisation as the core: NFC, runs of these spaces become
   * one space, none at either end. */
  function normalize(p) {
    return p.normalize('NFC').replace(/[ \t\n\r\u00a0\u3000]+/g, ' ').replace(/^ | $/g, '');
  }

  function decodeBase64(text) {
    var bin;
    var clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
    if (clean.length > Math.ceil(MAX_CONTAINER / 3) * 4) throw fail('out_of_range');
    try { bin = atob(clean); } catch (e) { throw fail('damaged'); }
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
    return out;
  }

  function concat(a, b) {
    var out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  }

  async function decrypt(bytes, passphrase) {
    if (bytes.length < MAGIC.length) throw fail('not_a_report');
    for (var i = 0; i < MAGIC.length; i += 1) {
      if (bytes[i] !== MAGIC.charCodeAt(i)) throw fail('not_a_report');
    }
    if (bytes.length > MAX_CONTAINER) throw fail('out_of_range');
    if (bytes.length < 9) throw fail('damaged');
    if (bytes[8] > VERSION) throw fail('newer_format');
    if (bytes[8] !== VERSION) throw fail('damaged');
    if (bytes.length < HEADER_LEN + CHECK_LEN + NONCE_LEN + TAG_LEN) throw fail('damaged');
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var iterations = view.getUint32(9, true);
    /* Refused before any key derivation: 2^32 - 1 would run for hours. */
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) throw fail('out_of_range');
    var header = bytes.slice(0, HEADER_LEN);
    var salt = bytes.slice(13, HEADER_LEN);
    var enc = new TextEncoder();
    var base = await crypto.subtle.importKey(
      'raw', enc.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    var key = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', salt: salt, iterations: iterations, hash: 'SHA-256' },
      base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    var check = bytes.slice(HEADER_LEN, HEADER_LEN + CHECK_LEN);
    try {
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: check.slice(0, NONCE_LEN),
          additionalData: concat(header, enc.encode('check')), tagLength: 128 },
        key, check.slice(NONCE_LEN));
    } catch (e) {
      throw fail('wrong_passphrase');
    }
    var body = bytes.slice(HEADER_LEN + CHECK_LEN);
    var padded;
    try {
      padded = new Uint8Array(await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: body.slice(0, NONCE_LEN),
          additionalData: concat(header, enc.encode('body')), tagLength: 128 },
        key, body.slice(NONCE_LEN)));
    } catch (e) {
      throw fail('damaged');
    }
    if (padded.length < 4) throw fail('damaged');
    var len = new DataView(padded.buffer).getUint32(0, true);
    if (len > padded.length - 4) throw fail('damaged');
    for (var j = 4 + len; j < padded.length; j += 1) {
      if (padded[j] !== 0) throw fail('damaged');
    }
    var doc;
    try {
      doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(padded.subarray(4, 4 + len)));
    } catch (e) {
      throw fail('damaged');
    }
    padded.fill(0);
    if (!doc || typeof doc !== 'object') throw fail('damaged');
    if (typeof doc.format === 'number' && doc.format > DOCUMENT_FORMAT) throw fail('newer_format');
    if (doc.format !== DOCUMENT_FORMAT) throw fail('damaged');
    if (!Array.isArray(doc.sections) || !doc.period || !doc.disclosure) throw fail('damaged');
    return doc;
  }

  function say(code) {
    progress.textContent = '';
    message.setAttribute('data-error', code);
    message.textContent = i18n[MESSAGE_OF[code]] || i18n.damaged;
  }

  async function onSubmit(ev) {
    ev.preventDefault();
    if (busy) return;
    message.textContent = '';
    message.removeAttribute('data-error');
    var passphrase = normalize(input.value);
    if (!passphrase) { say('empty'); input.focus(); return; }
    if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) { say('unsupported'); return; }
    busy = true;
    button.disabled = true;
    progress.textContent = i18n.opening;
    try {
      var bytes = decodeBase64(byId('keel-report').textContent);
      var doc = await decrypt(bytes, passphrase);
      input.value = '';
      render(doc);
    } catch (e) {
      say(e && e.code ? e.code : 'unsupported');
      input.focus();
      input.select();
    } finally {
      busy = false;
      button.disabled = false;
    }
  }

  /* ---- rendering ---- */

  function text(value) { return value === undefined || value === null ? '' : String(value); }

  function render(doc) {
    while (report.firstChild) report.removeChild(report.firstChild);
    var sectionAnchors = [];

    var header = el('header');
    var title = el('h1', { id: 'report-title', tabindex: '-1' }, text(doc.title));
    header.appendChild(title);
    var meta = el('p', { 'class': 'meta' });
    meta.appendChild(document.createTextNode(
      i18n.period + ': ' + text(doc.period.from) + ' – ' + text(doc.period.to)));
    meta.appendChild(el('br'));
    meta.appendChild(document.createTextNode(i18n.generated + ': ' + text(doc.generated_at)));
    header.appendChild(meta);

    var toolbar = el('div', { 'class': 'toolbar no-print' });
    var printButton = el('button', { type: 'button' }, i18n.print);
    printButton.addEventListener('click', function () { window.print(); });
    var closeButton = el('button', { type: 'button', 'class': 'secondary' }, i18n.close);
    closeButton.addEventListener('click', closeReport);
    toolbar.appendChild(printButton);
    toolbar.appendChild(closeButton);
    header.appendChild(toolbar);
    report.appendChild(header);

    var notice = el('section', { 'class': 'notice', 'aria-labelledby': 'notice-heading' });
    notice.appendChild(el('h2', { id: 'notice-heading' }, text(doc.disclosure.heading)));
    (doc.disclosure.paragraphs || []).forEach(function (p) { notice.appendChild(el('p', null, text(p))); });
    report.appendChild(notice);

    var nav = el('nav', { 'aria-labelledby': 'contents-heading', 'class': 'no-print' });
    nav.appendChild(el('h2', { id: 'contents-heading' }, i18n.contents));
    var navList = el('ol');
    nav.appendChild(navList);
    report.appendChild(nav);

    doc.sections.forEach(function (section, index) {
      var id = 'section-' + index + '-' + String(section.id).replace(/[^a-z_]/g, '');
      var node = el('section', { id: id, 'aria-labelledby': id + '-heading', 'data-section': text(section.id) });
      node.appendChild(el('h2', { id: id + '-heading' }, text(section.heading)));
      (section.blocks || []).forEach(function (block) {
        var rendered = renderBlock(block);
        if (rendered) node.appendChild(rendered);
      });
      report.appendChild(node);
      sectionAnchors.push([id, text(section.heading)]);
    });

    sectionAnchors.forEach(function (pair) {
      var li = el('li');
      li.appendChild(el('a', { href: '#' + pair[0] }, pair[1]));
      navList.appendChild(li);
    });

    unlockView.hidden = true;
    report.hidden = false;
    document.title = text(doc.title);
    title.focus();
  }

  function closeReport() {
    while (report.firstChild) report.removeChild(report.firstChild);
    report.hidden = true;
    unlockView.hidden = false;
    document.title = i18n.pageTitle;
    message.textContent = '';
    progress.textContent = '';
    input.focus();
  }

  function renderBlock(block) {
    switch (block && block.type) {
      case 'paragraph': return el('p', null, text(block.text));
      case 'summary': return renderSummary(block);
      case 'table': return renderTable(text(block.caption), block.columns || [], block.rows || []);
      case 'chart': return renderChart(block);
      case 'list': return renderList(block);
      default: return null;
    }
  }

  function renderSummary(block) {
    var dl = el('dl', { 'class': 'facts' });
    (block.facts || []).forEach(function (f) {
      dl.appendChild(el('dt', null, text(f.label)));
      dl.appendChild(el('dd', null, text(f.value)));
    });
    return dl;
  }

  function renderList(block) {
    var list = el(block.ordered ? 'ol' : 'ul');
    (block.items || []).forEach(function (item) { list.appendChild(el('li', null, text(item))); });
    return list;
  }

  function renderTable(caption, columns, rows) {
    var wrap = el('div', { 'class': 'table-wrap' });
    if (!rows.length) {
      if (caption) wrap.appendChild(el('h3', null, caption));
      wrap.appendChild(el('p', { 'class': 'empty' }, i18n.noRows));
      return wrap;
    }
    var table = el('table');
    if (caption) table.appendChild(el('caption', null, caption));
    var thead = el('thead');
    var headRow = el('tr');
    columns.forEach(function (c) { headRow.appendChild(el('th', { scope: 'col' }, text(c))); });
    thead.appendChild(headRow);
    table.appendChild(thead);
    var tbody = el('tbody');
    rows.forEach(function (row) {
      var tr = el('tr');
      (row || []).forEach(function (cell, i) {
        tr.appendChild(i === 0 ? el('th', { scope: 'row' }, text(cell)) : el('td', null, text(cell)));
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    return wrap;
  }

  function niceMax(max) {
    if (!(max > 0)) return 1;
    var pow = Math.pow(10, Math.floor(Math.log10(max)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i += 1) {
      if (steps[i] * pow >= max) return steps[i] * pow;
    }
    return 10 * pow;
  }

  function fmt(n) {
    return Math.abs(n - Math.round(n)) < 1e-9 ? String(Math.round(n)) : n.toFixed(1);
  }

  function renderChart(block) {
    var labels = (block.labels || []).map(text);
    var series = (block.series || []).filter(function (s) { return Array.isArray(s.values); });
    var figure = el('figure');
    var captionId = nextId('chart');
    figure.appendChild(el('figcaption', { id: captionId }, text(block.title)));

    var n = Math.max(labels.length, 1);
    var W = 640, left = 48, right = 12, top = 12, bottom = n > 8 ? 64 : 28;
    var H = 220 + top + bottom;
    var plotW = W - left - right, plotH = H - top - bottom;
    var dataMax = 0;
    series.forEach(function (s) {
      s.values.forEach(function (v) { if (typeof v === 'number' && isFinite(v) && v > dataMax) dataMax = v; });
    });
    var yMax = typeof block.y_max === 'number' && block.y_max > 0 ? block.y_max : niceMax(dataMax);
    var svg = svgEl('svg', {
      'class': 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-labelledby': captionId, focusable: 'false'
    });
    svg.appendChild(svgEl('title', null, text(block.title)));

    var ticks = 5;
    for (var t = 0; t <= ticks; t += 1) {
      var value = yMax * t / ticks;
      var y = top + plotH - plotH * t / ticks;
      svg.appendChild(svgEl('line', { 'class': t === 0 ? 'axis' : 'grid', x1: left, x2: W - right, y1: y, y2: y }));
      svg.appendChild(svgEl('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, fmt(value)));
    }
    svg.appendChild(svgEl('line', { 'class': 'axis', x1: left, x2: left, y1: top, y2: top + plotH }));

    var slot = plotW / n;
    var every = Math.max(1, Math.ceil(n / 16));
    labels.forEach(function (label, i) {
      if (i % every !== 0) return;
      var x = left + slot * (i + 0.5);
      var shown = shorten(label, 12);
      var attrs = { x: x, y: top + plotH + 16, 'text-anchor': n > 8 ? 'end' : 'middle' };
      if (n > 8) attrs.transform = 'rotate(-40 ' + x + ' ' + (top + plotH + 16) + ')';
      svg.appendChild(svgEl('text', attrs, shown));
    });

    function yOf(v) {
      var clamped = Math.max(0, Math.min(typeof v === 'number' && isFinite(v) ? v : 0, yMax));
      return top + plotH - plotH * clamped / yMax;
    }

    if (block.kind === 'line') {
      series.forEach(function (s, si) {
        var points = s.values.map(function (v, i) {
          return (left + slot * (i + 0.5)).toFixed(1) + ',' + yOf(v).toFixed(1);
        });
        svg.appendChild(svgEl('polyline', { 'class': 's' + (si % 6), points: points.join(' ') }));
        s.values.forEach(function (v, i) {
          var dot = svgEl('circle', { 'class': 's' + (si % 6), cx: left + slot * (i + 0.5), cy: yOf(v), r: 3.5 });
          dot.appendChild(svgEl('title', null, text(s.name) + ', ' + (labels[i] || '') + ': ' + fmt(Number(v) || 0)));
          svg.appendChild(dot);
        });
      });
    } else {
      var groupW = slot * 0.8;
      var barW = groupW / Math.max(series.length, 1);
      series.forEach(function (s, si) {
        s.values.forEach(function (v, i) {
          var x = left + slot * i + (slot - groupW) / 2 + barW * si;
          var y = yOf(v);
          var bar = svgEl('rect', {
            'class': 's' + (si % 6), x: x.toFixed(1), y: y.toFixed(1),
            width: Math.max(barW - 1, 1).toFixed(1), height: (top + plotH - y).toFixed(1)
          });
          bar.appendChild(svgEl('title', null, text(s.name) + ', ' + (labels[i] || '') + ': ' + fmt(Number(v) || 0)));
          svg.appendChild(bar);
        });
      });
    }
    figure.appendChild(svg);

    if (series.length > 1) {
      var legend = el('ul', { 'class': 'legend' });
      series.forEach(function (s, si) {
        var li = el('li');
        var swatch = svgEl('svg', { 'class': 'chart', viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false' });
        swatch.appendChild(svgEl('rect', { 'class': 's' + (si % 6), width: 12, height: 12 }));
        li.appendChild(swatch);
        appendText(li, text(s.name));
        legend.appendChild(li);
      });
      figure.appendChild(legend);
    }

    var details = el('details');
    details.appendChild(el('summary', null, i18n.data));
    var columns = [''].concat(series.map(function (s) { return text(s.name); }));
    var rows = labels.map(function (label, i) {
      return [label].concat(series.map(function (s) { return fmt(Number(s.values[i]) || 0); }));
    });
    details.appendChild(renderTable(text(block.title), columns, rows));
    figure.appendChild(details);
    return figure;
  }

  form.addEventListener('submit', onSubmit);
  show.addEventListener('change', function () { input.type = show.checked ? 'text' : 'password'; });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  input.focus();
})();
