import { expect } from '@esm-bundle/chai';
import { loadSanitizer, renderMarkdown, safeUrl } from '../../../widget/index.ts';
import { sanitizeHtml } from '../../../widget/sanitize.ts';
import { createLinkPolicy } from '../../../src/entries/links.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, parts, typeAndSend, until } from './helpers.ts';
import { payloads } from './payloads.ts';

const allowed = new Set(['http:', 'https:', 'mailto:']);
const forbiddenTags =
  'script, iframe, object, embed, style, link, base, meta, form, input, svg, math, template, video, audio, source, details, noscript';

let executed = 0;
const originalAlert = window.alert;
before(() => {
  window.alert = () => void executed++;
});
after(() => {
  window.alert = originalAlert;
});

/** Checks a rendered tree: nothing that can run script, load styles or leave the protocol allowlist. */
function expectInert(root: ParentNode): void {
  expect(root.querySelectorAll(forbiddenTags), 'forbidden elements').to.have.length(0);
  for (const node of root.querySelectorAll('*')) {
    for (const attribute of node.attributes) {
      expect(attribute.name, `attribute on <${node.localName}>`).not.to.match(
        /^on|^style$|^id$|^name$|^class$|^xlink:|^srcdoc$|^action$/,
      );
    }
  }
  for (const link of root.querySelectorAll('a[href]')) {
    expect(allowed.has(new URL(link.getAttribute('href') ?? '').protocol), link.getAttribute('href') ?? '').to.equal(
      true,
    );
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
  }
}

// Every resource the page fetches, from an observer: the timeline buffer drops entries once it holds 250.
const resources = performance.getEntriesByType('resource').map((entry) => entry.name);
new PerformanceObserver((list) => resources.push(...list.getEntries().map((entry) => entry.name))).observe({
  type: 'resource',
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const evilRequests = () => resources.filter((name) => name.includes('evil.example'));
const purifyRequests = () => resources.filter((name) => /node_modules\/dompurify/.test(name));

for (const engine of ['platform', 'dompurify'] as const)
  describe(`safe rendering (${engine} sanitizer)`, () => {
    before(() => loadSanitizer(engine));
    after(() => loadSanitizer('platform'));

    if (engine === 'platform') {
      it('uses the browser sanitizer here, so DOMPurify is never downloaded', () => {
        renderMarkdown('**x**');
        expect(purifyRequests()).to.have.length(0);
      });
    } else {
      it('loads DOMPurify on demand', () => {
        expect(purifyRequests()).to.have.length(1);
      });
    }

    it(`shows raw HTML in ${payloads.length} payloads as text, never as markup`, async () => {
      const host = document.createElement('div');
      document.body.append(host);
      for (const payload of payloads) {
        const fragment = renderMarkdown(payload);
        expectInert(fragment);
        host.append(fragment);
      }
      expect(host.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(host.textContent).to.contain('<svg onload=alert(1)>');
      expectInert(host);
      await settle();
      expect(executed).to.equal(0);
      expect(evilRequests()).to.have.length(0);
      host.remove();
    });

    it(`sanitizes the same ${payloads.length} payloads given as raw HTML (the layer under markdown)`, async () => {
      const host = document.createElement('div');
      document.body.append(host);
      for (const payload of payloads) {
        const fragment = sanitizeHtml(payload);
        expectInert(fragment);
        host.append(fragment);
      }
      expectInert(host);
      await settle();
      expect(executed).to.equal(0);
      expect(host.querySelectorAll('img')).to.have.length(0);
      expect(evilRequests()).to.have.length(0);
      host.remove();
    });

    it('keeps allowed images (http/https only) when the host allows them, without a referrer', () => {
      const fragment = sanitizeHtml(
        '<img src="https://example.com/a.png" alt="a"> <img src="data:image/png;base64,AAAA"> <img src=x onerror=alert(1)>',
        true,
      );
      const images = [...fragment.querySelectorAll('img')];
      expect(images.map((img) => new URL(img.src).protocol)).to.deep.equal(['https:', 'http:']);
      for (const img of images) {
        expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
        expect(img.hasAttribute('onerror')).to.equal(false);
      }
    });

    it('renders the markdown subset', () => {
      const images = renderMarkdown('![alt text](https://example.com/a.png)', { allowImages: true }).querySelectorAll(
        'img',
      );
      expect([...images].map((img) => img.alt)).to.deep.equal(['alt text']);
      expect(renderMarkdown('![alt text](https://example.com/a.png)').textContent).to.equal('alt text');
      const fragment = renderMarkdown(
        '# Title\n\n**bold** *it* ~~no~~ `x<y`\n\n- one\n- [two](https://example.com)\n\n3. three\n4. four\n\n> quote\n\n```\nif (a < b) {}\n```',
      );
      const div = document.createElement('div');
      div.append(fragment);
      expect(div.querySelector('p strong')?.textContent).to.equal('Title');
      expect(div.querySelectorAll('h1, h2, h3')).to.have.length(0);
      expect(div.querySelector('em')?.textContent).to.equal('it');
      expect(div.querySelector('del')?.textContent).to.equal('no');
      expect(div.querySelector('code')?.textContent).to.equal('x<y');
      expect([...div.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['one', 'two']);
      expect(div.querySelector('ol')?.getAttribute('start')).to.equal('3');
      expect(div.querySelector('blockquote')?.textContent?.trim()).to.equal('quote');
      expect(div.querySelector('pre code')?.textContent).to.equal('if (a < b) {}');
      expect(div.querySelector('a')?.href).to.equal('https://example.com/');

      const more = document.createElement('div');
      more.append(
        renderMarkdown(
          'See https://example.com/a?b=1&c=2. Or <https://example.com/x>, &copy; 2025 & co, a <b>tag</b>, `&amp;` and [q](https://example.com/?a="b")',
        ),
      );
      expect([...more.querySelectorAll('a')].map((a) => a.href)).to.deep.equal([
        'https://example.com/a?b=1&c=2',
        'https://example.com/x',
        'https://example.com/?a=%22b%22',
      ]);
      expect(more.textContent).to.equal(
        'See https://example.com/a?b=1&c=2. Or https://example.com/x, © 2025 & co, a <b>tag</b>, &amp; and q',
      );
      expect(more.querySelector('b')).to.equal(null);
    });

    it('safeUrl allows http, https and mailto by default (tel when the policy adds it)', () => {
      expect(safeUrl('https://example.com/x')).to.equal('https://example.com/x');
      expect(safeUrl('mailto:a@example.com')).to.equal('mailto:a@example.com');
      expect(safeUrl('tel:+15551234')).to.equal(null);
      expect(safeUrl('tel:+15551234', 'link', createLinkPolicy({ protocols: ['tel:'] }))).to.equal('tel:+15551234');
      expect(safeUrl('/relative')).to.equal(new URL('/relative', document.baseURI).href);
      expect(safeUrl('')).to.equal(null);
      for (const bad of [
        'javascript:alert(1)',
        ' JAVASCRIPT:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,x',
        'vbscript:x',
        'blob:https://x/y',
        'file:///etc',
      ]) {
        expect(safeUrl(bad), bad).to.equal(null);
      }
      expect(safeUrl('mailto:a@example.com', 'image')).to.equal(null);
    });

    it('renders every payload inside the element inert, and fetches nothing', async () => {
      const assistant = createScriptedAssistant(() => ({
        reply: { text: 'payloads', markdown: payloads.join('\n\n') },
      }));
      const el = await mount(assistant, { open: '' });
      await typeAndSend(el, 'attack');
      await until(() => el.shadowRoot?.querySelector('.markdown'));
      const rendered = el.shadowRoot?.querySelector('.markdown') as HTMLElement;
      expectInert(rendered);
      expect(rendered.querySelectorAll('img')).to.have.length(0);
      // Links in rendered replies are clickable: clicking one must not run anything either.
      for (const link of rendered.querySelectorAll('a'))
        link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      for (const link of rendered.querySelectorAll('a')) link.click();
      await settle();
      expect(executed).to.equal(0);
      expect(evilRequests()).to.have.length(0);
      expect(parts(el, 'assistant-message')).to.have.length(1);
    });
  });
