/**
 * Styles of the launcher button.
 *
 * @module
 */
import { css } from 'lit';

/** Launcher styles. */
export const launcherStyles = css`
  .launcher {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: var(--_offset);
    inset-inline-end: var(--_offset);
    display: grid;
    place-items: center;
    width: 3.5rem;
    height: 3.5rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-fg);
    box-shadow: var(--_shadow);
    transition: transform 0.15s ease;
  }
  .launcher:hover {
    transform: scale(1.05);
  }
  .launcher .icon {
    width: 1.5rem;
    height: 1.5rem;
  }
  .badge {
    position: absolute;
    inset-block-start: -0.25rem;
    inset-inline-end: -0.25rem;
    min-width: 1.375rem;
    height: 1.375rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--confidant-badge-background, #b91c1c);
    color: #ffffff;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.375rem;
    text-align: center;
    box-shadow: 0 0 0 2px var(--_bg);
  }
  :host([position^='top']) .launcher {
    inset-block: var(--_offset) auto;
  }
  :host([position$='start']) .launcher {
    inset-inline: var(--_offset) auto;
  }
`;
