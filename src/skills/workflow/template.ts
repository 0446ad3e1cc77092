/**
 * Reply templates: text with `{{ path }}` placeholders, e.g. `It is {{ vars.weather.temp }}° in {{ slots.city }}.`
 * A placeholder is a dotted path and nothing else: no calls, no operators, no filters. It is looked up
 * by own property in null-prototype data (see `safe-data.ts`), so a template cannot reach a
 * prototype, a constructor or a global whatever it says.
 *
 * @module
 */
import type { SafeValue } from './safe-data.ts';
import { lookup, parsePath, renderValue } from './safe-data.ts';

/** A template that failed to compile; `offset` is where in the source. @internal */
export class TemplateSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
  override get name(): string {
    return 'TemplateSyntaxError';
  }
}

/** A compiled template. */
export interface Template {
  /** Renders as text; missing values render as nothing. */
  render(data: SafeValue): string;
  /** The raw value when the whole template is one placeholder (keeps numbers numbers in JSON bodies). */
  value(data: SafeValue): SafeValue | undefined;
  /** The paths it reads, for validation. */
  readonly paths: readonly string[][];
  /** The text it was compiled from (a workflow crosses to the engine's Worker as text). */
  readonly source: string;
}

type Part = string | string[];
const MAX_TEMPLATE = 10_000;

/**
 * Compiles a template.
 * @param source the template text
 * @throws {TemplateSyntaxError} for an unclosed `{{`, an empty placeholder or a bad path
 */
export function compileTemplate(source: string): Template {
  if (source.length > MAX_TEMPLATE)
    throw new TemplateSyntaxError(`a template may be at most ${MAX_TEMPLATE} characters`, 0);
  const parts: Part[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open === -1) {
      parts.push(source.slice(i));
      break;
    }
    if (open > i) parts.push(source.slice(i, open));
    const close = source.indexOf('}}', open + 2);
    if (close === -1) throw new TemplateSyntaxError('unclosed "{{"', open);
    const inner = source.slice(open + 2, close).trim();
    if (inner === '') throw new TemplateSyntaxError('empty placeholder "{{ }}"', open);
    const path = parsePath(inner);
    if (path === undefined) {
      throw new TemplateSyntaxError(
        `"{{ ${inner} }}" is not a path like slots.city (no expressions, no __proto__/constructor)`,
        open,
      );
    }
    parts.push(path);
    i = close + 2;
  }
  const paths = parts.filter((p): p is string[] => Array.isArray(p));
  return Object.freeze({
    paths,
    source,
    render: (data: SafeValue) => parts.map((p) => (typeof p === 'string' ? p : renderValue(lookup(data, p)))).join(''),
    value: (data: SafeValue) => {
      const only = parts.length === 1 ? parts[0] : undefined;
      return Array.isArray(only)
        ? lookup(data, only)
        : parts.map((p) => (typeof p === 'string' ? p : renderValue(lookup(data, p)))).join('');
    },
  });
}
