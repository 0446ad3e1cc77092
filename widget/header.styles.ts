/**
 * Styles of the panel header and the loading bar.
 *
 * @module
 */
import { css } from 'lit';

/** Header styles. */
export const headerStyles = css`
  .header {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 3rem;
    padding: 0.25rem 0.5rem 0.25rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .title {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .spacer {
    flex: 1;
  }
  .chip {
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    font-size: 0.75rem;
    background: var(--_hover);
    color: var(--_fg);
    border: 1px solid var(--_border-strong);
  }
  .progress {
    padding: 0.375rem 0.75rem 0.5rem;
    font-size: 0.8125rem;
    color: var(--_muted);
    border-bottom: 1px solid var(--_border);
  }
  .progress progress {
    display: block;
    width: 100%;
    height: 0.375rem;
    margin-top: 0.25rem;
    border-radius: 999px;
    overflow: hidden;
    border: 0;
    appearance: none;
    background: var(--_hover);
  }
  .progress progress::-webkit-progress-bar {
    background: var(--_hover);
  }
  .progress progress::-webkit-progress-value {
    background: var(--_accent);
  }
  .progress progress::-moz-progress-bar {
    background: var(--_accent);
  }
`;
