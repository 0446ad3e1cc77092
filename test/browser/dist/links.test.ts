// The link policy in the built script-tag shell (`dist/confidant.iife.js`, run by `npm run test:dist`):
// the build compacts the widget's templates (rollup.config.mjs, `compactHtml`), so this checks that the
// element it ships still links what the policy allows, with its attributes, and nothing else.
import { expect } from '@esm-bundle/chai';
import { createScriptedAssistant } from '../widget/scripted-assistant.ts';
import { loadScript } from './load-script.ts';

async function until(condition: () => unknown, what: string): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

const markdown = [
  '[docs](https://docs.example.com/a) [shop](https://shop.example/) [router](http://192.168.1.1/)',
  '[local](http://127.0.0.1/) [metadata](http://169.254.169.254/) [mail](mailto:help@example.com)',
  'see https://docs.example.com/b and http://localhost/admin',
].join('\n\n');

describe('link policy in dist/confidant.iife.js', () => {
  it('links public hosts only, narrowed by link-hosts, with target and rel; the element is intact', async () => {
    await loadScript('/dist/confidant.iife.js');
    const el = document.createElement('confidant-assistant');
    el.setAttribute('open', '');
    el.setAttribute('link-hosts', 'docs.example.com');
    el.assistant = createScriptedAssistant(() => ({
      reply: { text: 'links', markdown, cards: [{ title: 'Card', url: 'https://docs.example.com/card' }] },
    }));
    document.body.append(el);
    try {
      await el.updateComplete;
      const root = el.shadowRoot!;
      // The composer's multi-line start tag came out of the build with every attribute.
      const input = root.querySelector<HTMLTextAreaElement>('textarea[part="input"]');
      expect(input?.getAttribute('enterkeyhint')).to.equal('send');
      expect(input?.getAttribute('aria-describedby')).to.equal('count');
      await el.send('links please');
      await until(() => root.querySelector('.markdown') && root.querySelector('[part~="card"]'), 'the reply');
      const links = [...root.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://docs.example.com/a',
        'mailto:help@example.com',
        'https://docs.example.com/b',
        'https://docs.example.com/card',
      ]);
      for (const link of links) {
        expect(link.getAttribute('target')).to.equal('_blank');
        expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      }
      const text = root.querySelector('.markdown')?.textContent ?? '';
      for (const label of ['shop', 'router', 'local', 'metadata', 'http://localhost/admin'])
        expect(text, label).to.contain(label);
    } finally {
      el.remove();
    }
  });
});
