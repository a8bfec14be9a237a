// The README that goes into the .vsix. The repository's README.md links to files beside it (docs/ci.md, the
// screenshots under docs/images); the package carries none of them, and the project has no public repository
// that vsce could point those links at. So the packaged copy keeps every absolute link and every in-page anchor,
// names a linked file as text (`docs/ci.md`) instead of linking to it, and leaves out pictures it cannot show.

/** A Markdown link or image: `[text](target)` / `![alt](src)`; the text may hold one image (a linked badge). */
const MARKDOWN_LINK = /(!?)\[((?:[^\][]|!\[[^\][]*\]\([^)]*\))*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
/** An HTML image or video with its source. */
const HTML_MEDIA = /<(?:img|video)\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi;

/** True for a link that resolves against the file's own location (not `https:`, `mailto:`, or `#anchor`). */
export function isRelativeLink(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
}

/** Every link and image source in a Markdown text (what a renderer would turn into a link or fetch). */
export function linkTargets(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(MARKDOWN_LINK)) {
    out.push(m[3]);
    // A linked badge: the image inside the link text counts as well.
    for (const inner of m[2].matchAll(MARKDOWN_LINK)) out.push(inner[3]);
  }
  for (const m of markdown.matchAll(HTML_MEDIA)) out.push(m[1]);
  return out;
}

function asText(text: string, target: string): string {
  const label = text.trim() || target;
  // A path shown as a path: `docs/ci.md`; a sentence stays a sentence.
  return /^[\w./-]+$/.test(label) && /[./]/.test(label) ? `\`${label}\`` : label;
}

/** README.md as the package ships it: no link to a file the package does not carry. */
export function packagedReadme(markdown: string): string {
  const withoutMedia = markdown.replace(HTML_MEDIA, (all, src: string) => (isRelativeLink(src) ? '' : all));
  const rewritten = withoutMedia.replace(MARKDOWN_LINK, (all, bang: string, text: string, target: string) => {
    if (!isRelativeLink(target)) return all;
    return bang ? '' : asText(text, target);
  });
  // A line that held only a dropped picture goes, and so do runs of blank lines it leaves behind.
  return rewritten
    .split('\n')
    .filter((line, i, lines) => line.trim() !== '' || (i > 0 && lines[i - 1].trim() !== ''))
    .join('\n');
}
