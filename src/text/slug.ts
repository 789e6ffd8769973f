// Slugs: the names in addresses (/authors/<slug>, /watches/<slug>), made from what the reader typed. Pure.
import { foldToAscii } from './fold.ts';

/** Lower-case ASCII letters and digits joined by single hyphens, at most `max` characters; `fallback` if none. */
export function slugify(text: string, max: number, fallback: string): string {
  const slug = foldToAscii(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `base`, else `base-2`, `base-3`, …: the first one not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
