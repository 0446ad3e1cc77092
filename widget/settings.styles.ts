/**
 * Styles of the settings panel.
 *
 * @module
 */
import { css } from 'lit';

/** Settings panel styles. */
export const settingsStyles = css`
  .settings {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 0.75rem;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    align-items: stretch;
  }
  .settings h3 {
    margin: 0;
    font-size: 0.95rem;
  }
  .settings .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
  }
  /* The first group needs no rule above it: the header's border is right there. */
  .settings > .group:first-child {
    padding-top: 0;
    border-top: none;
  }
  .group .note {
    margin: 0;
  }
  .group > .button,
  .settings > .button {
    align-self: flex-start;
  }
  .grants {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
  }
  .grants li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
`;
