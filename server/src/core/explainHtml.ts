// The Explain view's content as an HTML fragment: the Markdown explainMarkdown writes (picture included), turned
// into HTML by a converter for the few Markdown forms it uses (headings, paragraphs, nested lists, fenced code,
// inline code and bold, the SVG block). Every line reference, in the text ("line 9") and in the picture's boxes,
// becomes a link `#L9` carrying data-line="9", which a viewer (the VS Code webview) turns into a jump to that
// line. All text is escaped; the only markup passed through is the core's own SVG.

import type { Analysis } from './analysisTypes';
import { lineHref } from './datapathDiagram';
import { explainMarkdown } from './explain';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "line 9" in escaped text as a link to that line. */
function linkLines(escaped: string): string {
  return escaped.replace(
    /\bline (\d{1,7})\b/g,
    (_, n: string) => `<a class="line-link" href="${lineHref(Number(n))}" data-line="${n}">line ${n}</a>`,
  );
}

/** One line of Markdown text: code spans literal (but their line references linked), `**bold**`. */
function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) =>
      part.length >= 2 && part.startsWith('`') && part.endsWith('`')
        ? `<code>${linkLines(escapeHtml(part.slice(1, -1)))}</code>`
        : linkLines(escapeHtml(part).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')),
    )
    .join('');
}

/** The Markdown explainMarkdown writes, as HTML. Not a general Markdown renderer: it knows only those forms. */
export function explanationMarkdownToHtml(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  const lists: number[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
    paragraph = [];
  };
  const closeLists = () => {
    while (lists.length > 0) {
      out.push('</li></ul>');
      lists.pop();
    }
  };
  const endBlock = () => {
    flush();
    closeLists();
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      endBlock();
      const lang = line.slice(3).trim();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      out.push(
        `<pre><code${lang ? ` class="language-${escapeHtml(lang)}"` : ''}>${body.map(escapeHtml).join('\n')}</code></pre>`,
      );
      continue;
    }
    if (/^<svg[\s>]/.test(line)) {
      // The core's picture (datapathDiagram.ts): already markup, its text escaped there.
      endBlock();
      const svg = [line];
      while (!lines[i].includes('</svg>') && i + 1 < lines.length) svg.push(lines[++i]);
      out.push(`<div class="picture">${svg.join('\n')}</div>`);
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      endBlock();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
      continue;
    }
    const item = /^( *)- (.*)$/.exec(line);
    if (item) {
      flush();
      const indent = item[1].length;
      if (lists.length === 0 || indent > lists[lists.length - 1]) {
        out.push('<ul>');
        lists.push(indent);
      } else {
        while (lists.length > 1 && indent < lists[lists.length - 1]) {
          out.push('</li></ul>');
          lists.pop();
        }
        out.push('</li>');
      }
      out.push(`<li>${inline(item[2])}`);
      continue;
    }
    if (line.trim() === '') {
      endBlock();
      continue;
    }
    if (lists.length > 0) closeLists();
    paragraph.push(line);
  }
  endBlock();
  return out.join('\n');
}

/** The explanation of a file as HTML, picture included, its line references links (see lineHref). */
export function explainHtml(analysis: Analysis, text: string): string {
  return explanationMarkdownToHtml(explainMarkdown(analysis, { text, picture: true, lineLinks: true }));
}
