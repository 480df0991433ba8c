// A small, safe Markdown renderer for READMEs and CHANGELOGs that publishers put in their jars.
// It builds DOM nodes and sets text with textContent only — never innerHTML — so HTML in the source
// (<script>, <img onerror=…>) is shown as the characters it is. Supported: ATX and setext headings,
// paragraphs, bullet and numbered lists (nested by indentation), block quotes, fenced and indented code,
// rules, and inline code, strong, emphasis, strike-through and links (http and https only).
'use strict';

const MAX_DEPTH = 8;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const INDENTED = /^(?: {4}|\t)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link only for an absolute http(s) address; anything else (javascript:, data:, relative) is text. */
function safeUrl(text) {
  try {
    const url = new URL(text.trim().replace(/^<(.*)>$/, '$1'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

function link(label, href, depth) {
  const url = safeUrl(href);
  if (!url) return inline(label, depth + 1, true);
  const a = el('a');
  a.setAttribute('href', url);
  a.setAttribute('rel', 'nofollow noopener noreferrer');
  a.append(...inline(label, depth + 1, true)); // a link's text holds no further links
  return [a];
}

function wrap(tag, content, depth, noLinks) {
  const node = el(tag);
  node.append(...inline(content, depth + 1, noLinks));
  return [node];
}

// Inline rules, tried in order at characters that can start one; each is sticky (matches only there).
// wordStart: only where no letter or digit precedes; link: makes a link (not inside another one).
const INLINE = [
  { pattern: /\\([!-/:-@[-`{-~])/y, make: (m) => [document.createTextNode(m[1])] },
  { pattern: /(`+)([^`][\s\S]{0,2000}?)\1(?!`)/y, make: (m) => [el('code', m[2].replace(/^ (.*) $/s, '$1'))] },
  { pattern: /!\[([^\]]{0,500})\]\(([^()\s]{0,2000})(?:\s+"[^"]{0,500}")?\)/y, link: true,
    make: (m, depth) => link('image: ' + (m[1] || m[2]), m[2], depth) },
  { pattern: /\[((?:[^[\]\\]|\\.|\[[^\]]{0,500}\]){0,500})\]\(([^()\s]{0,2000}(?:\([^()\s]{0,500}\)[^()\s]{0,500})?)(?:\s+"[^"]{0,500}")?\)/y,
    link: true, make: (m, depth) => link(m[1], m[2], depth) },
  { pattern: /<(https?:\/\/[^\s<>]{1,2000})>/y, link: true, make: (m, depth) => link(m[1], m[1], depth) },
  { pattern: /\*\*(?=[^\s*])([\s\S]{0,2000}?[^\s*]\**)\*\*(?!\*)/y, make: (m, depth, noLinks) => wrap('strong', m[1], depth, noLinks) },
  { pattern: /__(?=\S)([\s\S]{0,2000}?\S)__(?!\w)/y, wordStart: true,
    make: (m, depth, noLinks) => wrap('strong', m[1], depth, noLinks) },
  { pattern: /~~(?=\S)([\s\S]{0,2000}?\S)~~/y, make: (m, depth, noLinks) => wrap('del', m[1], depth, noLinks) },
  { pattern: /\*(?=[^\s*])([\s\S]{0,2000}?[^\s*])\*(?!\*)/y, make: (m, depth, noLinks) => wrap('em', m[1], depth, noLinks) },
  { pattern: /\*(?=[^\s*])([^\s*])\*/y, make: (m, depth, noLinks) => wrap('em', m[1], depth, noLinks) },
  { pattern: /_(?=\S)([\s\S]{0,2000}?\S)_(?!\w)/y, wordStart: true,
    make: (m, depth, noLinks) => wrap('em', m[1], depth, noLinks) },
  { pattern: /https?:\/\/[^\s<>()]{0,2000}[^\s<>().,:;!?"']/y, wordStart: true, link: true,
    make: (m, depth) => link(m[0], m[0], depth) },
];
const STARTS = new Set(['\\', '`', '!', '[', '<', '*', '_', '~', 'h']);

/** The nodes of one paragraph's text: text nodes and the few inline elements above (noLinks: no links). */
function inline(text, depth = 0, noLinks = false) {
  if (depth > MAX_DEPTH) return [document.createTextNode(text)];
  const nodes = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    let matched = null;
    if (STARTS.has(text[i])) {
      for (const rule of INLINE) {
        if ((rule.wordStart && i > 0 && /\w/.test(text[i - 1])) || (rule.link && noLinks)) continue;
        rule.pattern.lastIndex = i;
        const m = rule.pattern.exec(text);
        if (m) {
          matched = [m, rule.make];
          break;
        }
      }
    }
    if (matched) {
      if (plain) nodes.push(document.createTextNode(plain));
      plain = '';
      nodes.push(...matched[1](matched[0], depth, noLinks));
      i += matched[0][0].length;
    } else if (text[i] === '\n') {
      // a line break inside a paragraph is a space, unless the line ended with two spaces
      if (/ {2}$/.test(plain)) {
        nodes.push(document.createTextNode(plain.trimEnd()), el('br'));
        plain = '';
      } else {
        plain += ' ';
      }
      i++;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) nodes.push(document.createTextNode(plain));
  return nodes;
}

function startsBlock(line) {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);
}

function indentOf(line) {
  return line.match(/^ */)[0].length;
}

/** Renders the lines as blocks into parent. */
function blocks(lines, parent, options, depth) {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if (!line.trim()) {
      i++;
    } else if (depth > MAX_DEPTH) {
      parent.append(el('p', lines.slice(i).join('\n')));
      return;
    } else if ((m = FENCE.exec(line))) {
      const fence = m[1];
      const code = [];
      i++;
      const closing = new RegExp('^ {0,3}\\' + fence[0] + '{' + fence.length + ',}[ \\t]*$');
      while (i < lines.length && !closing.test(lines[i])) {
        code.push(lines[i]);
        i++;
      }
      i++; // the closing fence (or the end)
      const pre = el('pre');
      const codeNode = el('code', code.join('\n'));
      if (m[2]) codeNode.dataset.language = m[2];
      pre.append(codeNode);
      parent.append(pre);
    } else if ((m = HEADING.exec(line))) {
      parent.append(heading(m[1].length, m[2] || '', options, depth));
      i++;
    } else if (RULE.test(line)) {
      parent.append(el('hr'));
      i++;
    } else if (QUOTE.test(line)) {
      const quoted = [];
      while (i < lines.length && lines[i].trim() && (QUOTE.test(lines[i]) || !startsBlock(lines[i]))) {
        const q = QUOTE.exec(lines[i]);
        quoted.push(q ? q[1] : lines[i]); // a line without ">" right after a quote continues it
        i++;
      }
      const quote = el('blockquote');
      blocks(quoted, quote, options, depth + 1);
      parent.append(quote);
    } else if (ITEM.test(line)) {
      i = list(lines, i, parent, options, depth);
    } else if (INDENTED.test(line)) {
      const code = [];
      while (i < lines.length && (INDENTED.test(lines[i]) || !lines[i].trim())) {
        code.push(lines[i].replace(/^(?: {4}|\t)/, ''));
        i++;
      }
      while (code.length && !code[code.length - 1].trim()) code.pop();
      const pre = el('pre');
      pre.append(el('code', code.join('\n')));
      parent.append(pre);
    } else {
      const text = [line];
      i++;
      while (i < lines.length && lines[i].trim() && !startsBlock(lines[i]) && !SETEXT.test(lines[i])) {
        text.push(lines[i]);
        i++;
      }
      if (i < lines.length && (m = SETEXT.exec(lines[i])) && text.length) {
        // "Title\n=====" is a heading; a single "---" after a paragraph too
        parent.append(heading(m[1][0] === '=' ? 1 : 2, text.join(' ').trim(), options, depth));
        i++;
      } else {
        const p = el('p');
        p.append(...inline(text.map((t) => t.replace(/^\s+/, '')).join('\n'), depth));
        parent.append(p);
      }
    }
  }
}

function heading(level, text, options, depth) {
  const node = el('h' + Math.min(6, level + (options.headingOffset || 0)));
  node.append(...inline(text.trim(), depth));
  return node;
}

/** A list starting at lines[start]; its items' indented lines are rendered as the items' own blocks. */
function list(lines, start, parent, options, depth) {
  const first = ITEM.exec(lines[start]);
  const ordered = /\d/.test(first[2]);
  const base = first[1].length;
  const node = el(ordered ? 'ol' : 'ul');
  if (ordered && Number.parseInt(first[2], 10) !== 1) node.setAttribute('start', String(Number.parseInt(first[2], 10)));
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (!m || m[1].length > base + 1 || /\d/.test(m[2]) !== ordered) break;
    const content = [m[3] || ''];
    const inner = m[1].length + m[2].length + 1;
    i++;
    while (i < lines.length) {
      const next = lines[i];
      if (!next.trim()) {
        // a blank line ends the item unless the list (or the item) goes on after it
        const after = lines.slice(i + 1).find((l) => l.trim());
        if (after === undefined || (indentOf(after) < inner && !ITEM.test(after))) break;
        content.push('');
      } else if (indentOf(next) >= inner || (indentOf(next) > base + 1 && ITEM.test(next))) {
        content.push(next.slice(Math.min(indentOf(next), inner)));
      } else if (!startsBlock(next) && content[content.length - 1].trim()) {
        content.push(next.trim()); // a lazy continuation of the item's text
      } else {
        break;
      }
      i++;
    }
    const item = el('li');
    const body = content.join('\n');
    if (content.length === 1 || !/\n\s*\n|\n\s*([-*+]|\d{1,9}[.)])\s|\n\s*(```|~~~|>)/.test(body)) {
      item.append(...inline(content.join('\n').trim(), depth + 1));
    } else {
      blocks(content, item, options, depth + 1);
    }
    node.append(item);
    while (i < lines.length && !lines[i].trim()) {
      const after = lines.slice(i).find((l) => l.trim());
      if (after === undefined || !ITEM.test(after)) break;
      i++;
    }
  }
  parent.append(node);
  return i;
}

/**
 * The Markdown text as a fragment of safe DOM nodes.
 * @param {string} text the source
 * @param {{headingOffset?: number}} options headingOffset makes a "# Title" an h(1 + offset)
 */
export function renderMarkdown(text, options = {}) {
  const fragment = document.createDocumentFragment();
  blocks(String(text).replace(/\r\n?/g, '\n').split('\n'), fragment, options, 0);
  return fragment;
}

/** Plain text, kept as it is written. */
export function renderText(text) {
  const pre = el('pre', String(text));
  pre.className = 'plain';
  return pre;
}
