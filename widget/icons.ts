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
  // A gear (eight teeth around a hub): the rays of the old icon read as a sun (issue 14).
  settings: icon(
    svg`<path d="M10.3 2h3.4l.5 2.6 1.9.8 2.2-1.5 2.4 2.4-1.5 2.2.8 1.9 2.6.5v3.4l-2.6.5-.8 1.9 1.5 2.2-2.4 2.4-2.2-1.5-1.9.8-.5 2.6h-3.4l-.5-2.6-1.9-.8-2.2 1.5-2.4-2.4 1.5-2.2-.8-1.9L2 13.7v-3.4l2.6-.5.8-1.9-1.5-2.2 2.4-2.4 2.2 1.5 1.9-.8z" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linejoin="round"/><circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" stroke-width="1.75"/>`,
  ),
  newChat: icon(
    svg`<path d="M4 5h9M4 5v11h4v4l4-4h8v-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/><path d="M18 3v6M15 6h6" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  ),
  copy: icon(
    svg`<rect x="8" y="8" width="12" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" fill="none" stroke="currentColor" stroke-width="2"/>`,
  ),
  thumbUp: icon(
    svg`<path d="M7 10v10H4V10zM7 10l4-7c1.5 0 2.5 1 2 3l-1 3h6a2 2 0 0 1 2 2.3l-1.2 6.4A2 2 0 0 1 16.8 20H7" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  ),
  thumbDown: icon(
    svg`<path d="M7 14V4H4v10zM7 14l4 7c1.5 0 2.5-1 2-3l-1-3h6a2 2 0 0 0 2-2.3l-1.2-6.4A2 2 0 0 0 16.8 4H7" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  ),
  arrowDown: icon(
    svg`<path d="M12 5v14M6 13l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
  ),
  edit: icon(
    svg`<path d="M4 20h4L19 9l-4-4L4 16zM14 6l4 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  ),
  trash: icon(
    svg`<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`,
  ),
  history: icon(
    svg`<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 8v4l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  ),
  plus: icon(svg`<path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`),
  lock: icon(
    svg`<rect x="5" y="11" width="14" height="9" rx="2" fill="currentColor"/><path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2"/>`,
  ),
} as const;
