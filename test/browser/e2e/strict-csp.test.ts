import { expect } from '@esm-bundle/chai';
import type { ConfidantAssistant } from '../../../widget/index.ts';

interface FixtureWindow extends Window {
  cspViolations?: string[];
  alerts?: number;
}

/** Polls until `condition` holds. */
async function until(condition: () => unknown, timeoutMs: number, what: string): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('under a strict CSP with Trusted Types enforced', () => {
  for (const where of ['in a Worker', 'in this thread'] as const)
    it(`chats (engine ${where}) and renders hostile markdown with 0 violations and 0 executed payloads`, async () => {
      const frame = document.createElement('iframe');
      frame.src = new URL(`./strict-csp.html${where === 'in this thread' ? '?worker=0' : ''}`, import.meta.url).href;
      frame.style.cssText = 'width: 800px; height: 700px';
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const win = frame.contentWindow as FixtureWindow;
      const doc = frame.contentDocument as Document;
      const el = doc.querySelector('confidant-assistant') as ConfidantAssistant;
      const errors: string[] = [];
      el.addEventListener('confidant-error', (e) => errors.push(String((e.error as Error)?.stack ?? e.error)));
      await until(
        () => el.assistant !== undefined || errors.length > 0 || (win.cspViolations?.length ?? 0) > 0,
        30_000,
        'the assistant to start in its Worker',
      );
      expect({ errors, violations: win.cspViolations }).to.deep.equal({ errors: [], violations: [] });

      const bubbles = () => [...(el.shadowRoot?.querySelectorAll('[part~="assistant-bubble"]') ?? [])];
      await el.send('hello');
      await until(() => bubbles().length === 1, 20_000, 'the reply to hello');

      await el.send('where is my order');
      await until(
        () => el.shadowRoot?.querySelector('.markdown strong')?.textContent === 'Hostile',
        20_000,
        'the hostile markdown rendered',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(win.cspViolations).to.deep.equal([]);
      expect(win.alerts).to.equal(0);
      const rendered = el.shadowRoot?.querySelector('.markdown') as Element;
      expect(rendered.querySelectorAll('script, iframe, img, svg, style, object, embed, form')).to.have.length(0);
      for (const link of rendered.querySelectorAll('a[href]'))
        expect(new URL((link as HTMLAnchorElement).href).protocol).to.match(/^(https?|mailto|tel):$/);
      expect(el.shadowRoot?.querySelector('[part~="card"] a')).to.equal(null);
      await el.assistant?.dispose();
      indexedDB.deleteDatabase(el.database ?? '');
      frame.remove();
    });
});
