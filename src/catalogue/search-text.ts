/**
 * The text a version is found by: its name, aliases, life-event names and the guide's words
 * (conditions, materials, result, questions), lower-cased with spaces collapsed. Written by the
 * service into `search_text`, which a pg_trgm index serves (migration 0020).
 */
import { lifeEventLabel } from './labels.js';
import type { ServiceGuide } from './model.js';

export function normaliseSearch(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function searchTextOf(content: {
  name: string;
  aliases: readonly string[];
  lifeEvents: readonly string[];
  guide: Pick<ServiceGuide, 'conditions' | 'materials' | 'resultName' | 'faq'>;
}): string {
  const parts = [
    content.name,
    ...content.aliases,
    ...content.lifeEvents.map(lifeEventLabel),
    content.guide.resultName,
    ...content.guide.materials.map((m) => m.name),
    ...content.guide.faq.map((f) => f.question),
    content.guide.conditions,
  ];
  return normaliseSearch(parts.join(' ')).slice(0, 4000);
}

/** The terms of a query: whitespace-separated, normalised, at most 5, each at most 50 characters. */
export function queryTerms(q: string): string[] {
  return normaliseSearch(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 5)
    .map((t) => t.slice(0, 50));
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}
