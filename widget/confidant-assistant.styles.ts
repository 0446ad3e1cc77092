/**
 * Styles of `<confidant-assistant>` itself: the theme (public `--confidant-*` custom properties
 * mapped onto private `--_*` ones, light and dark), the panel and its placement.
 *
 * Default colours meet WCAG 2.1 AA: text >= 4.5:1 and control borders >= 3:1 on their backgrounds.
 *
 * @module
 */
import { css } from 'lit';

// The dark palette, used for `theme="dark"`, and for `theme="auto"` (the default) when the system is dark.
const dark = css`
  --_accent: var(--confidant-accent, #93c5fd);
  --_accent-fg: var(--confidant-accent-contrast, #0b1220);
  --_bg: var(--confidant-background, #0f172a);
  --_surface: var(--confidant-surface, #111827);
  --_fg: var(--confidant-color, #f3f4f6);
  --_muted: var(--confidant-muted, #a5adba);
  --_border: var(--confidant-border, #374151);
  --_border-strong: var(--confidant-border-strong, #9ca3af);
  --_hover: var(--confidant-hover, #1f2937);
  --_user-bg: var(--confidant-user-background, #93c5fd);
  --_user-fg: var(--confidant-user-color, #0b1220);
  --_bot-bg: var(--confidant-assistant-background, #1f2937);
  --_bot-fg: var(--confidant-assistant-color, #f3f4f6);
  --_link: var(--confidant-link, #93c5fd);
  --_code-bg: var(--confidant-code-background, #0b1220);
  --_danger: var(--confidant-danger, #fca5a5);
  --_focus: var(--confidant-focus, #bfdbfe);
  color-scheme: dark;
`;

/** Host, theme and panel styles. */
export const hostStyles = css`
  :host {
    --_accent: var(--confidant-accent, #1d4ed8);
    --_accent-fg: var(--confidant-accent-contrast, #ffffff);
    --_bg: var(--confidant-background, #ffffff);
    --_surface: var(--confidant-surface, #ffffff);
    --_fg: var(--confidant-color, #111827);
    --_muted: var(--confidant-muted, #4b5563);
    --_border: var(--confidant-border, #e5e7eb);
    --_border-strong: var(--confidant-border-strong, #6b7280);
    --_hover: var(--confidant-hover, #f3f4f6);
    --_user-bg: var(--confidant-user-background, #1d4ed8);
    --_user-fg: var(--confidant-user-color, #ffffff);
    --_bot-bg: var(--confidant-assistant-background, #f3f4f6);
    --_bot-fg: var(--confidant-assistant-color, #111827);
    --_link: var(--confidant-link, #1d4ed8);
    --_code-bg: var(--confidant-code-background, #e5e7eb);
    --_danger: var(--confidant-danger, #b91c1c);
    --_focus: var(--confidant-focus, #1d4ed8);
    --_radius: var(--confidant-radius, 0.75rem);
    --_radius-small: var(--confidant-radius-small, 0.5rem);
    --_shadow: var(--confidant-shadow, 0 0.5rem 2rem rgb(0 0 0 / 0.22));
    --_z: var(--confidant-z-index, 2147483000);
    --_offset: var(--confidant-offset, 1.25rem);
    display: block;
    color-scheme: light;
    font-family: var(
      --confidant-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif
    );
    font-size: var(--confidant-font-size, 0.9375rem);
    line-height: 1.4;
    color: var(--_fg);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  .panel {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: calc(var(--_offset) + 4.25rem);
    inset-inline-end: var(--_offset);
    width: min(var(--confidant-panel-width, 24rem), calc(100vw - 2 * var(--_offset)));
    height: min(var(--confidant-panel-height, 36rem), calc(100dvh - var(--_offset) - 5.5rem));
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_shadow);
    animation: confidant-in 0.16s ease-out;
  }
  :host([position^='top']) .panel {
    inset-block: calc(var(--_offset) + 4.25rem) auto;
  }
  :host([position$='start']) .panel {
    inset-inline: var(--_offset) auto;
  }
  :host([inline]) .panel {
    position: relative;
    inset: auto;
    z-index: auto;
    width: 100%;
    height: var(--confidant-panel-height, 36rem);
    box-shadow: none;
    animation: none;
  }
  @keyframes confidant-in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }
  @media (max-width: 30rem) {
    :host(:not([inline])) .panel {
      inset: 0;
      width: 100%;
      height: 100%;
      border: 0;
      border-radius: 0;
    }
    :host([open]:not([inline])) .launcher {
      display: none;
    }
  }
  .load-error {
    margin: auto;
    padding: 1.5rem;
    text-align: center;
  }
`;
