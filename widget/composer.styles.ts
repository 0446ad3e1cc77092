/**
 * Styles of the composer.
 *
 * @module
 */
import { css } from 'lit';

/** Composer styles. */
export const composerStyles = css`
  .composer {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.375rem;
    padding: 0.5rem;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  .input {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    max-height: 8rem;
    padding: 0.5rem 0.75rem;
    resize: none;
    field-sizing: content;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    background: var(--_bg);
    color: var(--_fg);
    line-height: 1.4;
  }
  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .send {
    background: var(--_accent);
    color: var(--_accent-fg);
    min-width: 2.5rem;
    min-height: 2.5rem;
  }
  .send:hover {
    background: var(--_accent);
    filter: brightness(1.1);
  }
  .count {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .count:empty {
    display: none;
  }
  .count.error {
    color: var(--_danger);
  }
  [part~='voice-button'][aria-pressed='true'] {
    color: var(--_danger);
  }
`;
