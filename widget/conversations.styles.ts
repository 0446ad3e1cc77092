/**
 * Styles of the past-conversations list.
 *
 * @module
 */
import { css } from 'lit';

/** Conversation list styles. */
export const conversationsStyles = css`
  .conversations {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: 0.75rem;
  }
  .new {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .conversation-list {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
  }
  .conversation {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.125rem;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-radius: var(--_radius-small);
    background: transparent;
    text-align: start;
  }
  .conversation:hover {
    background: var(--_hover);
  }
  .conversation[aria-current='true'] {
    background: var(--_hover);
    font-weight: 600;
  }
  .conversation time {
    font-size: 0.75rem;
  }
`;
