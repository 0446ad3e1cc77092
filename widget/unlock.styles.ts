/**
 * Styles of the unlock screen.
 *
 * @module
 */
import { css } from 'lit';

/** Unlock screen styles. */
export const unlockStyles = css`
  .unlock {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 1.5rem 1.25rem;
    overflow-y: auto;
  }
  .unlock-icon {
    align-self: center;
    color: var(--_accent);
  }
  .unlock-icon .icon {
    width: 2rem;
    height: 2rem;
  }
  .unlock-title {
    margin: 0;
    text-align: center;
    font-size: 1.05rem;
  }
  .unlock .error {
    min-height: 1.25em;
    margin: 0;
  }
`;
