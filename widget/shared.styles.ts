/**
 * Styles every part of the widget shares: buttons, inputs, the focus ring, visually hidden text,
 * and reduced motion. Colours come from the private `--_*` variables set in
 * `confidant-assistant.styles.ts` from the public `--confidant-*` ones.
 *
 * @module
 */
import { css } from 'lit';

/** Shared base styles. */
export const sharedStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  .icon {
    display: block;
    flex: none;
  }
  :host(:dir(rtl)) .flip {
    transform: scaleX(-1);
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0.375rem;
    border: 0;
    border-radius: var(--_radius-small);
    background: transparent;
  }
  .icon-button:hover {
    background: var(--_hover);
  }
  .button {
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_fg);
  }
  .button:hover {
    background: var(--_hover);
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  .strength {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 1.25rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .strength meter {
    flex: 1;
    height: 0.5rem;
  }
  .field {
    width: 100%;
    min-height: 2.25rem;
    padding: 0.375rem 0.625rem;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_fg);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .note {
    margin: 0.5rem 0;
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
