/**
 * The widget's icons: static inline SVG, 24-unit grid, drawn with `currentColor` so they follow
 * the theme and forced colours. Every icon is decorative (`aria-hidden`): the button holding it
 * carries the accessible name.
 *
 * @module
 */
import { html, svg } from 'lit';
import type { TemplateResult } from 'lit';

const icon = (paths: TemplateResult<2>, className = '') =>
  html`<svg class="icon ${className}" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    ${paths}
  </svg>`;

/** The icons by name. */
export const icons = {
  chat: icon(
    svg`<path d="M4 5h16v11H8l-4 4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  ),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`),
  // Flipped in RTL by the `flip` class: the arrow points where the text goes.
  send: icon(svg`<path d="M4 12l16-8-6 16-2-6z" fill="currentColor"/>`, 'flip'),
  back: icon(
    svg`<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
    'flip',
  ),
  mic: icon(
    svg`<rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor"/><path d="M6 11a6 6 0 0 0 12 0M12 17v4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  ),
  speaker: icon(
    svg`<path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor"/><path d="M16 9a4 4 0 0 1 0 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  ),
  settings: icon(
    svg`<circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  ),
  history: icon(
    svg`<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 8v4l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  ),
  plus: icon(svg`<path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`),
  lock: icon(
    svg`<rect x="5" y="11" width="14" height="9" rx="2" fill="currentColor"/><path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2"/>`,
  ),
} as const;
