/**
 * Styles of the consent prompt: a card over the bottom of the panel.
 *
 * @module
 */
import { css } from 'lit';

/** Consent prompt styles. */
export const consentStyles = css`
  .consent {
    position: absolute;
    inset-inline: 0.5rem;
    inset-block-end: 0.5rem;
    z-index: 1;
    padding: 1rem;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .consent-title {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .consent p {
    margin: 0 0 0.75rem;
  }
`;
