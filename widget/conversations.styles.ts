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
  .conversation-row {
    display: flex;
    align-items: flex-start;
    gap: 0.125rem;
  }
  .conversation {
    flex: 1;
    min-width: 0;
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
  .conversation-title,
  .preview {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .preview {
    font-size: 0.8125rem;
    font-weight: 400;
  }
  .edit {
    flex: 1;
    display: grid;
    gap: 0.375rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  .edit p {
    margin: 0;
  }
`;
