/**
 * Entity extraction: built-in extractors (numbers, ordinals, dates, times, durations, money,
 * percentages, emails, URLs, phone numbers) and corpus-defined custom entities.
 *
 * @module
 */

export { extractEntities, type ExtractEntitiesOptions } from './extract-entities.ts';
export { compileCustomEntities } from './custom-entities.ts';
export { compileSafeRegex } from './regex-safety.ts';
