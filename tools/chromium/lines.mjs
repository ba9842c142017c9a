#!/usr/bin/env node
// lines.mjs — ask headless Chromium where it breaks lines (shrift's copy of
// ../../../shared/tools/chromium/lines.mjs, with --wrap wrap|balance|pretty for CSS text-wrap and
// --hyphens none|manual|auto for CSS hyphens, default none) (and in which visual
// order it places the characters) for paragraphs of mixed RTL/LTR text.
//
//   node lines.mjs --text FILE --font-dir DIR --stack "Noto Serif,Noto Serif Hebrew" \
//        --size 16 --width 600 [--weight 400|700] [--line-height 1.25] [--align justify] \
//        --out OUT.json [--png OUT.png] [--overlay] [--lines 2-] [--lang yi] \
//        [--unit grapheme|codepoint] [--fallback GENERIC] [--hyphens none|manual|auto]
//
// Everything is local: the page and the font files are served by a throw-away
// HTTP server on 127.0.0.1; Chromium runs with a fresh --user-data-dir.
// See README.md for the JSON format and the known limitations.

import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM || execSync('command -v chromium').toString().trim();
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// family name -> [regular file, bold file]
const FONT_FILES = {
  'Noto Sans': ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'],
  'Noto Sans Hebrew': ['NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'],
  'Noto Serif': ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf'],
  'Noto Serif Hebrew': ['NotoSerifHebrew-Regular.ttf', 'NotoSerifHebrew-Bold.ttf'],
  'DejaVu Sans': ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'],
};

function usage(msg) {
  if (msg) console.error(`lines.mjs: ${msg}`);
  console.error(`usage: node lines.mjs --text FILE --font-dir DIR[:DIR2] --stack "Fam1,Fam2" --size PX --width PX
          [--weight 400|700] [--line-height 1.25|normal|20px] [--align start|end|center|justify]
          [--letter-spacing PX] [--word-spacing PX] [--tab-size N] --out OUT.json [--png OUT.png] [--overlay]
          [--lines N|N-|N-M] [--lang TAG] [--dir auto|ltr|rtl] [--unit grapheme|codepoint] [--fallback GENERIC] [--keep-html FILE]`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { fontDirs: [], weight: 400, lineHeight: '1.25', unit: 'grapheme', overlay: false };
  const need = (i) => { if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`); return argv[i + 1]; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--text': o.text = need(i); i++; break;
      case '--font-dir': o.fontDirs.push(...need(i).split(':').filter(Boolean)); i++; break;
      case '--stack': o.stack = need(i).split(',').map(s => s.trim()).filter(Boolean); i++; break;
      case '--size': o.size = Number(need(i)); i++; break;
      case '--width': o.width = Number(need(i)); i++; break;
      case '--weight': o.weight = Number(need(i)); i++; break;
      case '--align': o.align = need(i); i++; break;
      case '--letter-spacing': o.letterSpacing = need(i); i++; break;
      case '--word-spacing': o.wordSpacing = need(i); i++; break;
      case '--tab-size': o.tabSize = need(i); i++; break;
      case '--wrap': o.wrap = need(i); i++; break;
      case '--hyphens': o.hyphens = need(i); i++; break;
      case '--line-height': o.lineHeight = need(i); i++; break;
      case '--out': o.out = need(i); i++; break;
      case '--png': o.png = need(i); i++; break;
      case '--overlay': o.overlay = true; break;
      case '--lines': o.lines = need(i); i++; break;
      case '--lang': o.lang = need(i); i++; break;
      case '--dir': o.dir = need(i); i++; break;
      case '--unit': o.unit = need(i); i++; break;
      case '--fallback': o.fallback = need(i); i++; break;
      case '--keep-html': o.keepHtml = need(i); i++; break;
      case '-h': case '--help': usage();
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!o.text || !o.fontDirs.length || !o.stack || !o.stack.length || !o.out) usage('missing required argument');
  if (!(o.size > 0) || !(o.width > 0)) usage('--size and --width must be positive numbers');
  o.dir = o.dir || 'auto';
  o.wrap = o.wrap || 'wrap';
  if (!['wrap', 'balance', 'pretty'].includes(o.wrap)) usage('--wrap must be wrap, balance or pretty');
  // A line ending at a soft hyphen shows a hyphen Chromium inserts: the line's text range and
  // clusters around it are then only approximate (the selection probe does not know the hyphen).
  o.hyphens = o.hyphens || 'none';
  if (!['none', 'manual', 'auto'].includes(o.hyphens)) usage('--hyphens must be none, manual or auto');
  if (!['auto', 'ltr', 'rtl'].includes(o.dir)) usage('--dir must be auto, ltr or rtl');
  if (![400, 700].includes(o.weight)) usage('--weight must be 400 or 700');
  if (!['grapheme', 'codepoint'].includes(o.unit)) usage('--unit must be grapheme or codepoint');
  if (o.fallback && !/^(serif|sans-serif|monospace|cursive|fantasy|system-ui)$/.test(o.fallback))
    usage('--fallback must be a CSS generic family name');
  // line height: unitless number (multiplier), Npx, or normal
  const lh = o.lineHeight.trim();
  if (lh === 'normal') { o.lhCss = 'normal'; o.lhPx = null; }
  else if (/^[0-9.]+px$/.test(lh)) { o.lhPx = Number(lh.slice(0, -2)); o.lhCss = `${o.lhPx}px`; }
  else if (/^[0-9.]+$/.test(lh)) { o.lhCss = String(Number(lh)); o.lhPx = Number(lh) * o.size; }
  else usage('--line-height must be a number, Npx or normal');
  return o;
}

function findFontFile(dirs, family, weight) {
  let names = FONT_FILES[family];
  if (!names) { // heuristic for other families: "Noto Rashi Hebrew" -> NotoRashiHebrew-Regular.ttf
    const base = family.replace(/\s+/g, '');
    names = [[`${base}-Regular.ttf`, `${base}.ttf`], [`${base}-Bold.ttf`]];
  } else names = [[names[0]], [names[1]]];
  const cands = weight === 700 ? names[1] : names[0];
  for (const d of dirs) for (const n of cands) {
    const p = path.join(d, n);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`no font file for family "${family}" weight ${weight} (tried ${cands.join(', ')} in ${dirs.join(', ')})`);
}

// --- minimal cmap reader (formats 4 and 12), only to report code points no stack font covers
function readCmap(file) {
  const b = fs.readFileSync(file);
  const numTables = b.readUInt16BE(4);
  let cmapOff = -1;
  for (let i = 0; i < numTables; i++) {
    const r = 12 + 16 * i;
    if (b.toString('latin1', r, r + 4) === 'cmap') cmapOff = b.readUInt32BE(r + 8);
  }
  if (cmapOff < 0) return null;
  const n = b.readUInt16BE(cmapOff + 2);
  let best = null;
  for (let i = 0; i < n; i++) {
    const r = cmapOff + 4 + 8 * i;
    const pid = b.readUInt16BE(r), eid = b.readUInt16BE(r + 2), off = cmapOff + b.readUInt32BE(r + 4);
    const fmt = b.readUInt16BE(off);
    if (fmt === 12 && (pid === 3 && eid === 10 || pid === 0)) { best = { fmt, off }; break; }
    if (fmt === 4 && (pid === 3 && eid === 1 || pid === 0) && !best) best = { fmt, off };
  }
  if (!best) return null;
  const ranges = [];
  const { fmt, off } = best;
  if (fmt === 12) {
    const ng = b.readUInt32BE(off + 12);
    for (let g = 0; g < ng; g++) {
      const r = off + 16 + 12 * g;
      ranges.push([b.readUInt32BE(r), b.readUInt32BE(r + 4), b.readUInt32BE(r + 8)]);
    }
    return (cp) => ranges.some(([s, e, g]) => cp >= s && cp <= e && g + (cp - s) !== 0);
  }
  const segX2 = b.readUInt16BE(off + 6), seg = segX2 / 2;
  const endO = off + 14, startO = endO + segX2 + 2, deltaO = startO + segX2, rangeO = deltaO + segX2;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let s = 0; s < seg; s++) {
      const end = b.readUInt16BE(endO + 2 * s);
      if (cp > end) continue;
      const start = b.readUInt16BE(startO + 2 * s);
      if (cp < start) return false;
      const delta = b.readInt16BE(deltaO + 2 * s), ro = b.readUInt16BE(rangeO + 2 * s);
      if (ro === 0) return ((cp + delta) & 0xffff) !== 0;
      const gi = b.readUInt16BE(rangeO + 2 * s + ro + 2 * (cp - start));
      return gi !== 0 && ((gi + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

function selectParagraphs(all, spec) {
  // spec: N | N- | N-M (1-based file lines); default all
  let lo = 1, hi = all.length;
  if (spec) {
    const m = /^(\d+)(-(\d*))?$/.exec(spec);
    if (!m) usage('--lines must be N, N- or N-M');
    lo = Number(m[1]);
    hi = m[2] === undefined ? lo : (m[3] ? Number(m[3]) : all.length);
  }
  const out = [];
  for (let i = lo - 1; i < Math.min(hi, all.length); i++) out.push({ index: i, text: all[i] });
  if (!out.length) usage(`--lines ${spec} selects no paragraph (file has ${all.length})`);
  return out;
}

function utf8Offsets(s) {
  // map UTF-16 index -> UTF-8 byte offset (defined at every code-point boundary and at s.length)
  const m = new Map();
  let b = 0;
  for (let u = 0; u < s.length;) {
    m.set(u, b);
    const cp = s.codePointAt(u);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    u += cp > 0xffff ? 2 : 1;
  }
  m.set(s.length, b);
  return m;
}

// ---------------------------------------------------------------- page side
// Runs inside Chromium. Returns raw measurements in UTF-16 offsets.
function measureInPage(cfg) {
  const EPS = 0.001;
  const div = document.getElementById('c');
  const dr = div.getBoundingClientRect();
  const res = { paragraphs: [], baseline_offset: null };

  // baseline probe: empty inline-block sits on the baseline; same style as the paragraphs.
  const probeP = document.getElementById('probe');
  if (probeP) {
    const pr = probeP.getBoundingClientRect();
    const mark = probeP.querySelector('span').getBoundingClientRect();
    res.baseline_offset = mark.bottom - pr.top;
    res.probe_height = pr.height;
  }

  // characters after which Chromium/UAX#14 break (collapsible spaces, ZWSP, SHY, other BA spaces)
  const BREAK_AFTER = /^[\t\n\f\r \u00ad\u1680\u2000-\u2006\u2008-\u200b\u205f\u3000]+$/u;
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const range = document.createRange();

  for (const p of div.querySelectorAll('p[data-i]')) {
    const cs = getComputedStyle(p);
    const pr = p.getBoundingClientRect();
    const node = p.firstChild;
    const text = node ? node.data : '';
    const out = {
      i: Number(p.dataset.i), direction: cs.direction, dir_pseudo: p.matches(':dir(rtl)') ? 'rtl' : 'ltr',
      top: pr.top - dr.top, left: pr.left - dr.left, width: pr.width, height: pr.height, units: [],
    };
    res.paragraphs.push(out);
    if (!node) continue;
    const units = [];
    if (cfg.unit === 'grapheme') {
      for (const s of seg.segment(text)) units.push([s.index, s.index + s.segment.length]);
    } else {
      for (let u = 0; u < text.length;) { const l = text.codePointAt(u) > 0xffff ? 2 : 1; units.push([u, u + l]); u += l; }
    }
    for (const [s, e] of units) {
      range.setStart(node, s); range.setEnd(node, e);
      const rects = [...range.getClientRects()].map(r => [r.left - pr.left, r.top - pr.top, r.right - pr.left, r.bottom - pr.top]);
      const str = text.slice(s, e);
      out.units.push({ s, e, rects, ba: BREAK_AFTER.test(str), visible: rects.some(r => r[2] - r[0] > EPS) });
    }
  }
  return res;
}

// Runs inside Chromium: for each line start (UTF-16 offset), where does the caret land after
// moving forward to the line boundary? (null when it leaves the text node)
function measureSelectionLineEnds(startsPerPara) {
  const ps = document.querySelectorAll('#c p[data-i]');
  const sel = getSelection();
  const out = [];
  startsPerPara.forEach((starts, pi) => {
    const node = ps[pi].firstChild;
    out.push(starts.map((s) => {
      sel.collapse(node, s);
      sel.modify('move', 'forward', 'lineboundary');
      return sel.focusNode === node ? sel.focusOffset : (ps[pi].contains(sel.focusNode) ? node.data.length : null);
    }));
  });
  sel.removeAllRanges();
  return out;
}

function assignLines(p, lhPx, size, warnings) {
  // p.units: logical order; returns array of line objects with unit index ranges
  const EPS = 0.001;
  const units = p.units;
  const lineOfY = (cy) => lhPx ? Math.floor(cy / lhPx) : null;
  const main = (u) => u.rects.reduce((a, r) => (!a || (r[2] - r[0]) > (a[2] - a[0]) ? r : a), null);
  // 1. line index for visible units
  let clusters = []; // for line-height: normal, cluster by vertical centre
  for (const u of units) {
    if (!u.visible) continue;
    const vis = u.rects.filter(r => r[2] - r[0] > EPS);
    if (vis.length > 1 && new Set(vis.map(r => Math.round((r[1] + r[3]) / 2))).size > 1)
      warnings.push(`line ${p.i + 1}: unit at utf16 ${u.s} has visible rects on several lines`);
    const r = main(u);
    u.cy = (r[1] + r[3]) / 2;
    if (lhPx) u.line = lineOfY(u.cy);
    else {
      const last = clusters[clusters.length - 1];
      if (!last || u.cy > last.cy + 0.5 * size) clusters.push({ cy: u.cy });
      u.line = clusters.length - 1;
    }
  }
  // 2. monotonicity check + renumber so that lines are 0..n-1
  const vis = units.map((u, k) => [u, k]).filter(([u]) => u.visible);
  for (let j = 1; j < vis.length; j++)
    if (vis[j][0].line < vis[j - 1][0].line)
      warnings.push(`line ${p.i + 1}: line index decreases at utf16 ${vis[j][0].s} (${vis[j - 1][0].line} -> ${vis[j][0].line})`);
  // 3. break positions between consecutive visible units on different lines
  const starts = [0];      // unit index where each line starts
  const lineIds = vis.length ? [vis[0][0].line] : [];
  for (let j = 1; j < vis.length; j++) {
    const [a, ka] = vis[j - 1], [b, kb] = vis[j];
    if (b.line <= a.line) continue;
    if (b.line > a.line + 1) warnings.push(`line ${p.i + 1}: line(s) without visible content between utf16 ${a.s} and ${b.s}`);
    let brk = kb;
    let lastBA = -1;
    for (let k = ka + 1; k < kb; k++) if (units[k].ba) lastBA = k;
    if (lastBA >= 0) brk = lastBA + 1;  // spaces (collapsed or hanging) stay at the end of the line
    else {
      // zero-width non-space units (bidi controls, joiners): follow their own rects
      for (let k = ka + 1; k < kb; k++) {
        const ys = units[k].rects.map(r => lhPx ? lineOfY((r[1] + r[3]) / 2) : ((r[1] + r[3]) / 2 > a.cy + 0.5 * size ? b.line : a.line));
        if (ys.length && ys.every(y => y >= b.line)) { brk = k; break; }
      }
    }
    starts.push(brk);
    lineIds.push(b.line);
  }
  if (!vis.length) return [];
  const lines = [];
  for (let l = 0; l < starts.length; l++) {
    const k0 = starts[l], k1 = l + 1 < starts.length ? starts[l + 1] : units.length;
    lines.push({ id: lineIds[l], k0, k1 });
  }
  return lines;
}

// JSON with objects indented but arrays of scalars (or of short scalar arrays) on one line
function pretty(v, ind = '') {
  const flat = (x) => x === null || typeof x !== 'object';
  if (flat(v)) return JSON.stringify(v);
  const ni = ind + '  ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    if (v.every(x => flat(x) || (Array.isArray(x) && x.every(flat)))) return JSON.stringify(v);
    return '[\n' + v.map(x => ni + pretty(x, ni)).join(',\n') + '\n' + ind + ']';
  }
  const ks = Object.keys(v);
  if (!ks.length) return '{}';
  if (ks.every(k => flat(v[k])) && JSON.stringify(v).length < 110) return JSON.stringify(v);
  return '{\n' + ks.map(k => ni + JSON.stringify(k) + ': ' + pretty(v[k], ni)).join(',\n') + '\n' + ind + '}';
}

// command line of the Chromium browser process we started (a descendant of this node process)
function browserCommandLine() {
  try {
    const kids = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
        if (!kids.has(ppid)) kids.set(ppid, []);
        kids.get(ppid).push(Number(d));
      } catch { /* process gone */ }
    }
    const todo = [process.pid];
    while (todo.length) {
      const pid = todo.shift();
      for (const k of kids.get(pid) || []) {
        const argv = fs.readFileSync(`/proc/${k}/cmdline`, 'utf8').split('\0').filter(Boolean);
        if (argv.length && /chrom/.test(argv[0]) && !argv.some(a => a.startsWith('--type='))) return argv;
        todo.push(k);
      }
    }
  } catch { /* not Linux */ }
  return null;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const warnings = [];
  let raw = fs.readFileSync(o.text, 'utf8');
  if (raw.charCodeAt(0) === 0xfeff) { raw = raw.slice(1); warnings.push('stripped a UTF-8 BOM at the start of the file'); }
  let all = raw.split('\n');
  if (all.length && all[all.length - 1] === '') all.pop(); // final newline
  all = all.map((t, i) => {
    if (t.endsWith('\r')) { warnings.push(`line ${i + 1}: stripped trailing CR`); return t.slice(0, -1); }
    return t;
  });
  const paras = selectParagraphs(all, o.lines);

  // fonts
  const fonts = o.stack.map((family, k) => {
    const file = findFontFile(o.fontDirs, family, o.weight);
    return { alias: `LinesT${k + 1}`, family, file, weight: o.weight, url: `/font/${k}/${path.basename(file)}` };
  });
  const covers = fonts.map(f => readCmap(f.file));
  const familyCss = fonts.map(f => `"${f.alias}"`).join(', ') + (o.fallback ? `, ${o.fallback}` : '');

  const css = `
${fonts.map(f => `@font-face { font-family: "${f.alias}"; src: url("${f.url}") format("truetype"); font-weight: ${f.weight}; font-style: normal; font-display: block; }`).join('\n')}
html, body { margin: 0; padding: 0; background: #fff; }
#c { position: relative; width: ${o.width}px; margin: 0; padding: 0; border: 0; background: #fff; color: #000; }
#c p, #probe {
  margin: 0; padding: 0; border: 0;
  font-family: ${familyCss}; font-size: ${o.size}px; font-weight: ${o.weight}; font-style: normal;
  line-height: ${o.lhCss}; white-space: normal; text-align: ${o.align || 'start'}; text-indent: 0;
  word-break: normal; overflow-wrap: normal; line-break: auto; hyphens: ${o.hyphens}; -webkit-hyphens: ${o.hyphens};
  font-kerning: normal; font-synthesis: none; letter-spacing: ${o.letterSpacing ? o.letterSpacing + 'px' : 'normal'}; word-spacing: ${o.wordSpacing ? o.wordSpacing + 'px' : 'normal'};
  tab-size: ${o.tabSize || 8}; text-wrap: ${o.wrap};
  text-transform: none; unicode-bidi: isolate;
}
#probe { position: absolute; left: 0; top: 0; width: ${o.width}px; visibility: hidden; }
#probe span { display: inline-block; width: 0; height: 0; vertical-align: baseline; }
#ov { position: absolute; left: 0; top: 0; pointer-events: none; }
`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>lines</title><style>${css}</style></head>
<body><div id="c"${o.lang ? ` lang="${o.lang}"` : ''}></div></body></html>`;
  if (o.keepHtml) fs.writeFileSync(o.keepHtml, html);

  // local server: only the page and the font files
  const byUrl = new Map(fonts.map(f => [f.url, f.file]));
  const served = [];
  const srv = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://127.0.0.1');
    served.push(u.pathname);
    if (u.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }); res.end(html); return; }
    const f = byUrl.get(decodeURIComponent(u.pathname));
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(f));
  });
  await new Promise(r => srv.listen(0, '127.0.0.1', r));
  const port = srv.address().port;

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lines-chromium-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      viewport: { width: Math.ceil(o.width) + 40, height: 800 }, deviceScaleFactor: 1,
      offline: false, javaScriptEnabled: true,
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    const consoleMsgs = [];
    page.on('console', m => consoleMsgs.push(m.text()));
    page.on('pageerror', e => consoleMsgs.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });

    // build the paragraphs from JS so that the text node is byte-exact (no HTML parsing)
    const fontInfo = await page.evaluate(async ({ paras, fonts, size, weight, lang, dir }) => {
      const div = document.getElementById('c');
      for (const p of paras) {
        const el = document.createElement('p');
        el.setAttribute('dir', dir);
        el.dataset.i = String(p.index);
        if (p.text.length) el.appendChild(document.createTextNode(p.text));
        div.appendChild(el);
      }
      const probe = document.createElement('p');
      probe.id = 'probe'; probe.setAttribute('dir', 'ltr');
      probe.appendChild(document.createElement('span'));
      probe.appendChild(document.createTextNode('x'));
      document.body.appendChild(probe);
      await Promise.all(fonts.map(f => document.fonts.load(`${weight} ${size}px "${f.alias}"`)));
      await document.fonts.ready;
      // force layout, then make sure nothing is pending
      void div.offsetHeight;
      await document.fonts.ready;
      const faces = [];
      document.fonts.forEach(ff => faces.push({ family: ff.family.replace(/"/g, ''), weight: ff.weight, status: ff.status }));
      return faces;
    }, { paras, fonts, size: o.size, weight: o.weight, lang: o.lang, dir: o.dir });
    for (const f of fonts) {
      const face = fontInfo.find(x => x.family === f.alias);
      f.status = face ? face.status : 'missing';
      if (f.status !== 'loaded') throw new Error(`font ${f.family} (${f.file}) did not load: ${f.status}`);
    }

    const m = await page.evaluate(measureInPage, { unit: o.unit });

    // which fonts did Chromium really use? (DevTools: CSS.getPlatformFontsForNode)
    const cdp = await ctx.newCDPSession(page);
    let version = null, cmdline = null;
    try { version = await cdp.send('Browser.getVersion'); } catch { /* ignore */ }
    cmdline = browserCommandLine();
    await cdp.send('DOM.enable'); await cdp.send('CSS.enable');
    const doc = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: doc.root.nodeId, selector: '#c p[data-i]' });
    const usedFonts = [];
    for (const nodeId of nodeIds) {
      const { fonts: pf } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      usedFonts.push(pf);
    }

    // -------- assemble output
    const lhPx = o.lhPx;
    const stackFamilies = new Set(fonts.map(f => f.family));
    const r6 = (x) => Math.round(x * 1e6) / 1e6;
    const outParas = [];
    const fallbackSeen = new Map();
    // line assignment (Node side), then an independent cross-check of every line end with
    // Selection.modify('move', 'forward', 'lineboundary') in the page
    const allLines = m.paragraphs.map((mp) => assignLines(mp, lhPx, o.size, warnings));
    const selEnds = await page.evaluate(measureSelectionLineEnds,
      allLines.map((lines, pi) => lines.map(L => m.paragraphs[pi].units[L.k0].s)));
    m.paragraphs.forEach((mp, pi) => {
      const text = paras[pi].text;
      const u2b = utf8Offsets(text);
      const B = (u) => { const b = u2b.get(u); if (b === undefined) throw new Error(`utf16 offset ${u} is inside a code point`); return b; };
      const lines = allLines[pi];
      const where = `line ${mp.i + 1}`;
      const pf = (usedFonts[pi] || []).map(f => ({ family: f.familyName, postscript: f.postScriptName, custom: f.isCustomFont, glyphs: f.glyphCount }));
      const fallback = pf.filter(f => !f.custom || !stackFamilies.has(f.family));
      for (const f of fallback) fallbackSeen.set(f.postscript || f.family, f);
      // code points no stack font maps (bidi controls etc. are listed too; Chromium does not draw those)
      const uncovered = [];
      for (const ch of text) {
        const cp = ch.codePointAt(0);
        if (cp === 0x20 || cp === 0x09) continue;
        if (!covers.some(c => c && c(cp))) uncovered.push('U+' + cp.toString(16).toUpperCase().padStart(4, '0'));
      }
      const checks = { partition: true, inside_line_box: true, height_matches: null, selection_agrees: true, overflow: false };
      const outLines = lines.map((L, li) => {
        const us = mp.units.slice(L.k0, L.k1);
        const start = B(mp.units[L.k0].s), end = L.k1 < mp.units.length ? B(mp.units[L.k1].s) : B(text.length);
        const visU = us.filter(u => u.visible);
        let left = Infinity, right = -Infinity, gt = Infinity, gb = -Infinity;
        const boxes = [];
        for (const u of visU) {
          const r = u.rects.filter(q => q[2] - q[0] > 0.001).reduce((a, q) => (!a || q[2] - q[0] > a[2] - a[0] ? q : a), null);
          left = Math.min(left, r[0]); right = Math.max(right, r[2]); gt = Math.min(gt, r[1]); gb = Math.max(gb, r[3]);
          boxes.push({ s: B(u.s), e: B(u.e), l: r[0], r: r[2], k: boxes.length });
        }
        boxes.sort((a, b) => (a.l + a.r) / 2 - (b.l + b.r) / 2 || a.l - b.l || a.k - b.k);
        const top = lhPx ? L.id * lhPx : gt, bottom = lhPx ? (L.id + 1) * lhPx : gb;
        for (const u of visU) if (u.cy < top - 0.01 || u.cy > bottom + 0.01) checks.inside_line_box = false;
        if (left < -0.01 || right > mp.width + 0.01) checks.overflow = true;
        const collapsed = us.filter(u => !u.visible).map(u => B(u.s));
        // selection's line end must fall between the end of the last visible unit and our line end
        const se = selEnds[pi][li];
        const lastVisEnd = visU.length ? visU[visU.length - 1].e : mp.units[L.k0].s;
        const ourEnd = L.k1 < mp.units.length ? mp.units[L.k1].s : text.length;
        if (se === null || se < lastVisEnd || se > ourEnd) {
          checks.selection_agrees = false;
          warnings.push(`${where}: Selection lineboundary puts the end of line ${li} at utf16 ${se}, expected within [${lastVisEnd}, ${ourEnd}]`);
        }
        return {
          range: [start, end],
          text: text.slice(mp.units[L.k0].s, L.k1 < mp.units.length ? mp.units[L.k1].s : text.length),
          top: r6(top), bottom: r6(bottom),
          baseline: m.baseline_offset != null && lhPx ? r6(top + m.baseline_offset) : null,
          left: r6(left), right: r6(right),
          glyph_top: r6(gt), glyph_bottom: r6(gb),
          visual: boxes.map(b => b.s),
          clusters: boxes.map(b => [b.s, b.e, r6(b.l), r6(b.r)]),
          invisible: collapsed,
        };
      });
      // partition check
      let pos = 0;
      for (const L of outLines) { if (L.range[0] !== pos) checks.partition = false; pos = L.range[1]; }
      if (outLines.length && pos !== Buffer.byteLength(text, 'utf8')) checks.partition = false;
      if (lhPx) checks.height_matches = Math.abs(mp.height - outLines.length * lhPx) < 0.02;
      if (!checks.partition) warnings.push(`${where}: line ranges do not partition the text`);
      if (!checks.inside_line_box) warnings.push(`${where}: a glyph centre lies outside its line box`);
      if (checks.height_matches === false) warnings.push(`${where}: paragraph height ${mp.height} != ${outLines.length} x ${lhPx}`);
      if (fallback.length) warnings.push(`${where}: Chromium used font(s) outside the stack: ${fallback.map(f => `${f.postscript || f.family} (${f.glyphs} glyphs)`).join(', ')}`);
      outParas.push({
        index: mp.i, line_no: mp.i + 1,
        direction: mp.direction, dir_pseudo: mp.dir_pseudo,
        byte_len: Buffer.byteLength(text, 'utf8'),
        top: r6(mp.top), height: r6(mp.height), width: r6(mp.width),
        fonts_used: pf, uncovered_codepoints: uncovered, checks,
        lines: outLines,
      });
    });

    const result = {
      tool: 'lines.mjs',
      chromium: version ? version.product : null,
      chromium_user_agent: version ? version.userAgent : null,
      chromium_args_given: CHROMIUM_ARGS,
      chromium_command_line: cmdline,
      params: {
        text: path.resolve(o.text), lines: o.lines || null, stack: o.stack, size: o.size, width: o.width,
        weight: o.weight, line_height: o.lhCss, line_height_px: lhPx, lang: o.lang || null, unit: o.unit, dir: o.dir,
      },
      css_font_family: familyCss,
      generic_fallback: o.fallback || null,
      fonts: fonts.map(f => ({ alias: f.alias, family: f.family, file: f.file, weight: f.weight, status: f.status })),
      fallback_fonts_used: [...fallbackSeen.values()],
      baseline_offset: m.baseline_offset != null ? r6(m.baseline_offset) : null,
      line_box_method: lhPx ? `grid: line k of a paragraph spans [k*${lhPx}, (k+1)*${lhPx}) px from the paragraph top`
        : 'glyph-union: line-height normal, top/bottom are the union of the glyph content areas (not the line box)',
      units: 'byte offsets are UTF-8, relative to the paragraph text; x/y in CSS px relative to the paragraph box',
      paragraphs: outParas,
      warnings,
    };
    if (consoleMsgs.length) result.console = consoleMsgs;
    result.requests = served.filter(s => s !== '/');

    if (o.png) {
      if (o.overlay) {
        await page.evaluate(({ paras }) => {
          const div = document.getElementById('c');
          const ov = document.createElement('div'); ov.id = 'ov';
          const box = (x, y, w, h, c) => { const b = document.createElement('div'); Object.assign(b.style, { position: 'absolute', left: x + 'px', top: y + 'px', width: w + 'px', height: h + 'px', outline: `1px solid ${c}`, outlineOffset: '-1px' }); ov.appendChild(b); };
          box(0, 0, div.clientWidth, div.clientHeight, 'rgba(0,0,255,0.35)');
          for (const p of paras) for (const L of p.lines) box(L.left, p.top + L.top, L.right - L.left, L.bottom - L.top, p.direction === 'rtl' ? 'rgba(255,0,0,0.45)' : 'rgba(0,160,0,0.45)');
          div.appendChild(ov);
        }, { paras: outParas });
      }
      await page.locator('#c').screenshot({ path: o.png });
      result.png = path.resolve(o.png);
    }
    fs.writeFileSync(o.out, pretty(result) + '\n');
    const nl = outParas.reduce((a, p) => a + p.lines.length, 0);
    console.error(`lines.mjs: ${outParas.length} paragraph(s), ${nl} line(s) -> ${o.out}${o.png ? ' + ' + o.png : ''}; ${warnings.length} warning(s)`);
    for (const w of warnings) console.error(`  warning: ${w}`);
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    srv.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(`lines.mjs: ${process.env.LINES_DEBUG ? e.stack : e.message || e}`); process.exit(1); });
