/**
 * Styles of the message list: bubbles, cards, quick replies, the typing indicator.
 *
 * @module
 */
import { css } from 'lit';

/** Message list styles. */
export const messageListStyles = css`
  .scroller {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.75rem;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .earlier {
    align-self: center;
  }
  .welcome {
    margin: auto 0;
    padding: 1rem;
    text-align: center;
    color: var(--_muted);
  }
  .welcome p {
    margin: 0 0 0.75rem;
  }
  .starters {
    justify-content: center;
  }
  .when {
    margin: 0.25rem 0 0;
    text-align: center;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .jump {
    position: sticky;
    inset-block-end: 0;
    align-self: center;
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    border-radius: 999px;
    box-shadow: var(--_shadow);
  }
  .jump .icon {
    width: 1rem;
    height: 1rem;
  }
  /* Inside the message text (pre-wrap): the template's indentation around the label is not text. */
  .bubble .link-button {
    display: block;
    white-space: normal;
    margin-top: 0.25rem;
    color: inherit;
    font-size: 0.875rem;
  }
  /*
   * A block, not a flex column: appending a message to a flex column laid out every message again
   * (a Chromium trace of npm run bench:widget: layout per turn down by about 40% as a block, issue
   * 14). Margins stand for the column's gap; a message is as wide as the column's stretched items were.
   */
  .log {
    display: flow-root;
  }
  .log > * + * {
    margin-top: 0.75rem;
  }
  .log > * + .when {
    margin-top: 1rem;
  }
  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-width: 85%;
  }
  .message.user {
    width: fit-content;
    margin-inline-start: auto;
    align-items: flex-end;
  }
  .bubble {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_bot-bg);
    color: var(--_bot-fg);
    overflow-wrap: anywhere;
    line-height: 1.45;
  }
  /* The message's own line breaks are kept; the template's whitespace around it is not. */
  .text {
    white-space: pre-wrap;
  }
  .user .bubble {
    background: var(--_user-bg);
    color: var(--_user-fg);
  }
  .failed .bubble {
    outline: 1px dashed var(--_danger);
  }
  .markdown {
    white-space: normal;
  }
  .markdown > :first-child {
    margin-top: 0;
  }
  .markdown > :last-child {
    margin-bottom: 0;
  }
  .markdown p,
  .markdown ul,
  .markdown ol,
  .markdown pre,
  .markdown blockquote {
    margin: 0.5em 0;
  }
  .markdown ul,
  .markdown ol {
    padding-inline-start: 1.25em;
  }
  .markdown blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border-strong);
  }
  .markdown pre {
    overflow-x: auto;
    padding: 0.5em;
    border-radius: var(--_radius-small);
    background: var(--_code-bg);
  }
  .markdown code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .markdown img {
    max-width: 100%;
    height: auto;
  }
  a {
    color: var(--_link);
    text-underline-offset: 2px;
  }
  .user a {
    color: inherit;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 1.5rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .small {
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: 0.125rem 0.5rem;
  }
  .icon-button.small {
    padding: 0.125rem;
  }
  /* A message with no actions (the user's own, sent) leaves no empty row under its bubble. */
  .meta:not(:has(*)) {
    display: none;
  }
  .meta .icon {
    width: 1rem;
    height: 1rem;
  }
  [part~='action-button'][aria-pressed='true'] {
    color: var(--_link);
    background: var(--_hover);
  }
  .cards {
    list-style: none;
    margin: 0.375rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
    width: 100%;
  }
  .card {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card img {
    display: block;
    max-width: 100%;
    border-radius: var(--_radius-small);
    margin-bottom: 0.375rem;
  }
  .card-title {
    margin: 0;
    font-weight: 600;
  }
  .card-text {
    margin: 0.25rem 0 0;
  }
  .quick-replies {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-top: 0.375rem;
  }
  .quick-replies .button {
    border-color: var(--_accent);
    color: var(--_link);
    border-radius: 999px;
  }
  .message:has(.quick-replies) {
    max-width: 100%;
  }
  .typing {
    display: flex;
    gap: 0.25rem;
    padding: 0.75rem;
    align-self: flex-start;
    border-radius: var(--_radius);
    background: var(--_bot-bg);
  }
  .typing span {
    width: 0.4rem;
    height: 0.4rem;
    border-radius: 50%;
    background: var(--_muted);
    animation: confidant-blink 1.2s infinite;
  }
  .typing span:nth-child(2) {
    animation-delay: 0.2s;
  }
  .typing span:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes confidant-blink {
    0%,
    80%,
    100% {
      opacity: 0.3;
    }
    40% {
      opacity: 1;
    }
  }
`;
