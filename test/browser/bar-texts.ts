// The loading bar's texts as an element shows them, for the loading tests of the sources and of the build
// (test/browser/widget/load-progress.test.ts, test/browser/dist/compressed-progress.test.ts). Imports no
// widget code: the dist tests run the built bundle.
import type { ConfidantAssistant } from '../../widget/index.ts';

/**
 * Records each new text of a rendered element's loading bar (its `progress` part) until `stop()`.
 * @returns `seen`, the texts in order, filled as they change
 */
export function watchBarTexts(el: ConfidantAssistant): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const text = el.shadowRoot?.querySelector('[part~="progress"] span')?.textContent?.trim();
    if (text !== undefined && text !== seen.at(-1)) seen.push(text);
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

/** The percentages among bar texts ("Loading the assistant… 18%"), in order. */
export const percentsOf = (texts: readonly string[]): number[] =>
  texts.flatMap((text) => {
    const match = /(\d+)%/.exec(text);
    return match ? [Number(match[1])] : [];
  });
