// Text clean-up shared by every part of the importer: the same input always yields the same strings.
import { createHash } from 'node:crypto';

/** Unifies line endings, spaces, apostrophes and quotation marks, and trims trailing whitespace. */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, ' ')
      // Two single marks stand for a double one in some outlets' type: ‘‘…’’ or ''…''.
      .replace(/[\u2018\u2019']{2}/g, '"')
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      .join('\n')
  );
}

/** Collapses runs of whitespace to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lowercase ASCII words joined by hyphens: "Meg Leung's Art" → "meg-leungs-art". Text with no Latin
 * letters at all ("梁麗橋專訪") gets `<fallback>-<hash>`, so a slug is never empty and never shared.
 */
export function slugify(text: string, maxLength = 100, fallback = 'item'): string {
  const slug = latinSlug(text, maxLength);
  if (slug) return slug;
  const hash = createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 10);
  return `${fallback}-${hash}`;
}

function latinSlug(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}
