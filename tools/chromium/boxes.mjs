#!/usr/bin/env node
// boxes.mjs — headless Chromium as the reference for inline boxes: each U+FFFC of a paragraph
// becomes <span style="display:inline-block; width:W; height:H; vertical-align:ALIGN">, and the
// tool reports where each line breaks and where each box went.
//
//   node boxes.mjs --text FILE --font-dir DIR --stack "Noto Serif,Noto Serif Hebrew" \
//        --size 16 --width 300 --boxes 30x20[:baseline|middle|top|bottom] [--weight 400] \
//        [--line-height normal] --out OUT.json
//
// FILE: UTF-8, one paragraph per line. Output, per paragraph: "lines" (UTF-8 byte ranges, tiling
// the paragraph; spaces at a wrap stay on the line before), "boxes" (the U+FFFC's byte offset,
// its line, and its rectangle in px from the paragraph's top left). Lines are found from the
// text's own grapheme rectangles (vertical centres, one font size per paragraph); a box belongs to
// the line whose text it overlaps most vertically. Like ../../../shared/tools/chromium/lines.mjs
// (whose setup it shares: Debian's chromium, `npm install` here for playwright-core) everything
// is local: a throw-away server on 127.0.0.1 and a fresh profile.

import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM || execSync('command -v chromium').toString().trim();
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FILES = {
  'Noto Sans': ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'],
  'Noto Sans Hebrew': ['NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'],
  'Noto Serif': ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf'],
  'Noto Serif Hebrew': ['NotoSerifHebrew-Regular.ttf', 'NotoSerifHebrew-Bold.ttf'],
};

function args(argv) {
  const o = { size: 16, weight: 400, width: 300, lineHeight: 'normal', align: 'baseline' };
  for (let i = 0; i < argv.length; i++) {
    const v = () => argv[++i];
    switch (argv[i]) {
      case '--text': o.text = v(); break;
      case '--font-dir': o.fontDir = v(); break;
      case '--stack': o.stack = v().split(',').map(s => s.trim()); break;
      case '--size': o.size = Number(v()); break;
      case '--weight': o.weight = Number(v()); break;
      case '--width': o.width = Number(v()); break;
      case '--line-height': o.lineHeight = v(); break;
      case '--boxes': {
        const [size, align] = v().split(':');
        [o.boxW, o.boxH] = size.split('x').map(Number);
        if (align) o.align = align;
        break;
      }
      case '--out': o.out = v(); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!o.text || !o.fontDir || !o.stack || !o.boxW || !o.out) throw new Error('need --text --font-dir --stack --boxes --out');
  return o;
}

// Runs in the page: every grapheme of every paragraph with its rectangles (a box: its span's),
// in logical order, UTF-16 offsets.
function measure() {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out = [];
  for (const p of document.querySelectorAll('#c p')) {
    const pr = p.getBoundingClientRect();
    const rel = r => [r.left - pr.left, r.top - pr.top, r.right - pr.left, r.bottom - pr.top];
    const units = [];
    let base = 0;
    for (const node of p.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        for (const s of seg.segment(node.data)) {
          range.setStart(node, s.index);
          range.setEnd(node, s.index + s.segment.length);
          const rects = [...range.getClientRects()].map(rel).filter(r => r[2] - r[0] > 0.001);
          units.push({ s: base + s.index, e: base + s.index + s.segment.length, rects, box: false });
        }
        base += node.data.length;
      } else {
        units.push({ s: base, e: base + 1, rects: [rel(node.getBoundingClientRect())], box: true });
        base += 1;
      }
    }
    out.push({ direction: getComputedStyle(p).direction, units });
  }
  return out;
}

// UTF-16 offset -> UTF-8 byte offset.
function bytesAt(text) {
  const map = new Map();
  let b = 0, u = 0;
  for (const ch of text) { map.set(u, b); u += ch.length; b += Buffer.byteLength(ch); }
  map.set(u, b);
  return u16 => map.get(u16);
}

function assign(units, size) {
  // Text lines by the vertical centre of their graphemes.
  const lines = [];
  for (const u of units) {
    if (u.box || !u.rects.length) continue;
    const r = u.rects[0], cy = (r[1] + r[3]) / 2;
    const last = lines[lines.length - 1];
    if (!last || cy > last.cy + 0.5 * size) lines.push({ cy, top: r[1], bottom: r[3] });
    const l = lines[lines.length - 1];
    l.top = Math.min(l.top, r[1]); l.bottom = Math.max(l.bottom, r[3]);
    u.line = lines.length - 1;
  }
  // A box: the line whose text it overlaps most.
  for (const u of units.filter(u => u.box)) {
    const r = u.rects[0];
    let best = 0, bestOverlap = -Infinity;
    lines.forEach((l, k) => {
      const overlap = Math.min(r[3], l.bottom) - Math.max(r[1], l.top);
      if (overlap > bestOverlap) { bestOverlap = overlap; best = k; }
    });
    u.line = best;
  }
  // Each line starts at its first unit in logical order; what has no ink goes with the line before.
  const starts = [];
  for (const u of units) if (u.line !== undefined && starts[u.line] === undefined) starts[u.line] = u.s;
  return starts;
}

async function main() {
  const o = args(process.argv.slice(2));
  const paras = fs.readFileSync(o.text, 'utf8').split('\n').filter(l => l.length);
  const bold = o.weight >= 600 ? 1 : 0;
  const fonts = o.stack.map((family, k) => ({
    alias: `BoxesT${k + 1}`, file: path.join(o.fontDir, FILES[family][bold]), url: `/font/${k}.ttf`,
  }));
  const css = `${fonts.map(f => `@font-face { font-family: "${f.alias}"; src: url("${f.url}"); font-weight: ${o.weight}; font-display: block; }`).join('\n')}
html, body { margin: 0; padding: 0; }
#c { width: ${o.width}px; }
#c p { margin: 0; padding: 0; font-family: ${fonts.map(f => `"${f.alias}"`).join(', ')}; font-size: ${o.size}px;
  font-weight: ${o.weight}; line-height: ${o.lineHeight}; white-space: normal; word-break: normal;
  overflow-wrap: normal; line-break: auto; hyphens: none; font-kerning: normal; font-synthesis: none;
  unicode-bidi: isolate; text-align: start; }
#c p span { display: inline-block; width: ${o.boxW}px; height: ${o.boxH}px; vertical-align: ${o.align};
  margin: 0; padding: 0; border: 0; }`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><div id="c"></div></body></html>`;
  const byUrl = new Map(fonts.map(f => [f.url, f.file]));
  const srv = http.createServer((req, res) => {
    if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); return; }
    const f = byUrl.get(req.url);
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'font/ttf' }); res.end(fs.readFileSync(f));
  });
  await new Promise(r => srv.listen(0, '127.0.0.1', r));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'boxes-chromium-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, deviceScaleFactor: 1,
      viewport: { width: Math.ceil(o.width) + 40, height: 800 },
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    await page.goto(`http://127.0.0.1:${srv.address().port}/`, { waitUntil: 'load' });
    // Text nodes and spans from JS, byte-exact; a box for each U+FFFC.
    await page.evaluate(async ({ paras, fonts, size, weight }) => {
      const div = document.getElementById('c');
      for (const text of paras) {
        const p = document.createElement('p');
        p.setAttribute('dir', 'auto');
        text.split('\ufffc').forEach((piece, k) => {
          if (k > 0) p.appendChild(document.createElement('span'));
          if (piece.length) p.appendChild(document.createTextNode(piece));
        });
        div.appendChild(p);
      }
      await Promise.all(fonts.map(f => document.fonts.load(`${weight} ${size}px "${f.alias}"`)));
      await document.fonts.ready;
    }, { paras, fonts, size: o.size, weight: o.weight });
    const measured = await page.evaluate(measure);
    const version = (await ctx.browser()?.version()) || null;
    const result = { tool: 'boxes.mjs', chromium: version, params: { ...o, text: path.basename(o.text) }, paragraphs: [] };
    measured.forEach((m, i) => {
      const text = paras[i];
      const B = bytesAt(text);
      const starts = assign(m.units, o.size);
      const lines = starts.map((s, k) => [B(s), B(k + 1 < starts.length ? starts[k + 1] : text.length)]);
      const boxes = m.units.filter(u => u.box).map(u => {
        const r = u.rects[0];
        return { offset: B(u.s), line: u.line, x: r[0], y: r[1], width: r[2] - r[0], height: r[3] - r[1] };
      });
      result.paragraphs.push({ index: i, direction: m.direction, lines, boxes });
    });
    fs.writeFileSync(o.out, JSON.stringify(result, null, 1) + '\n');
  } finally {
    if (ctx) await ctx.close();
    srv.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(e); process.exit(1); });
