// The markdown renderer and sanitizer under generated input (fast-check, seeded), with both
// sanitizers: the platform's and DOMPurify. Invariants: no script runs, no request is made, nothing
// but the allowlisted tags, attributes and link schemes comes out, each render within 200 ms.
// `npm test` runs a short pass; `npm run fuzz` a long one (FUZZ_INPUTS, FUZZ_SEED via fuzz-config).
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { loadSanitizer, renderMarkdown } from '../../../widget/index.ts';
import { MARKDOWN_PIECES, soup } from '../../fuzz/arbitraries.ts';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const FORBIDDEN = 'script, iframe, object, embed, style, link, base, meta, form, input, svg, math, template, img';
const MAX_MS = 200;

declare global {
  interface Window {
    __fuzzPwned?: number;
  }
}

/** Throws for the first way a rendered tree breaks an invariant. */
function checkInert(root: ParentNode): void {
  const forbidden = root.querySelector(FORBIDDEN);
  if (forbidden !== null) throw new Error(`a <${forbidden.localName}> came out`);
  for (const node of root.querySelectorAll('*')) {
    for (const { name } of node.attributes)
      if (!['href', 'title', 'start', 'target', 'rel'].includes(name))
        throw new Error(`an attribute ${name} on <${node.localName}>`);
  }
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (!LINK_SCHEMES.has(new URL(href).protocol)) throw new Error(`a link to ${href}`);
  }
}

for (const engine of ['platform', 'dompurify'] as const) {
  describe(`sanitizer fuzz (${engine})`, () => {
    it('renders generated markdown inert, without a request, in bounded time', async () => {
      const { inputs, seed } = (await executeServerCommand<{ inputs: number; seed: number }, undefined>(
        'fuzz-config',
      )) as { inputs: number; seed: number };
      await loadSanitizer(engine);
      const host = document.createElement('div');
      document.body.append(host);
      // An observer, not the timeline: the timeline buffer stops taking entries at 250.
      const requested: string[] = [];
      const observer = new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name)));
      observer.observe({ type: 'resource' });
      let alerts = 0;
      const originalAlert = window.alert;
      window.alert = () => void alerts++;
      let slowest = 0;
      try {
        const details = fc.check(
          fc.property(fc.oneof(soup(MARKDOWN_PIECES, 60), fc.string({ maxLength: 200 })), (text) => {
            const started = performance.now();
            const fragment = renderMarkdown(text);
            checkInert(fragment);
            // Into the live document and out again: an image or a handler would fire now.
            host.replaceChildren(fragment);
            checkInert(host);
            host.replaceChildren();
            let took = performance.now() - started;
            // A pause of the machine does not repeat; a runaway parse does: the fastest of three must fit.
            for (let again = 0; again < 2 && took > MAX_MS; again++) {
              const retry = performance.now();
              renderMarkdown(text);
              took = Math.min(took, performance.now() - retry);
            }
            slowest = Math.max(slowest, took);
            if (took > MAX_MS) throw new Error(`took ${took.toFixed(0)} ms, three times`);
          }),
          { numRuns: Math.ceil(inputs / 2), seed },
        );
        if (details.failed)
          throw new Error(
            `${String((details.errorInstance as Error | undefined)?.message)} for ${JSON.stringify(details.counterexample)} (seed ${seed}, path ${details.counterexamplePath})`,
          );
        // Handlers that could only have run asynchronously (an image error event) had their turn.
        await new Promise((r) => setTimeout(r, 50));
        // Control: the observer does see a request made the ordinary way.
        await (await fetch(`/__ok/fuzz-control-${engine}`)).text();
        for (let i = 0; i < 40 && !requested.some((name) => name.includes('fuzz-control')); i++)
          await new Promise((r) => setTimeout(r, 50));
      } finally {
        observer.disconnect();
        window.alert = originalAlert;
        host.remove();
      }
      expect(alerts, 'alerts').to.equal(0);
      expect(window.__fuzzPwned, 'a handler ran').to.equal(undefined);
      expect(requested, 'requests').to.deep.equal([new URL(`/__ok/fuzz-control-${engine}`, location.href).href]);
      expect(slowest).to.be.lessThan(MAX_MS);
    });
  });
}
