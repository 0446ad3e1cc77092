import { expect } from '@esm-bundle/chai';
import { en } from '../../../widget/i18n/en.ts';
import { zhCN } from '../../../widget/i18n/zh-CN.ts';
import { resolveUiLanguage } from '../../../widget/i18n/catalog.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, part } from './helpers.ts';

describe('languages and direction', () => {
  it('every catalogue has every key of the English one, and nothing left in English', () => {
    expect(Object.keys(zhCN).sort()).to.deep.equal(Object.keys(en).sort());
    expect(Object.keys(zhCN.permission).sort()).to.deep.equal(Object.keys(en.permission).sort());
    for (const [key, value] of Object.entries(zhCN)) {
      if (typeof value === 'string') expect(value, key).not.to.equal(en[key as keyof typeof en]);
    }
  });

  it('maps language tags to catalogues', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'zh-SG', 'ZH-cn'].map(resolveUiLanguage)).to.deep.equal([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    expect(['zh-TW', 'zh-Hant', 'en-GB', 'fr', '', undefined].map(resolveUiLanguage)).to.deep.equal([
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('the lang attribute picks the UI strings, and switching it re-renders', async () => {
    const el = await mount(createScriptedAssistant(), { lang: 'zh-CN' });
    expect(part(el, 'launcher').getAttribute('aria-label')).to.equal(zhCN.open);
    el.show();
    await el.updateComplete;
    expect(part(el, 'title').textContent).to.equal(zhCN.title);
    expect(part<HTMLTextAreaElement>(el, 'input').placeholder).to.equal(zhCN.placeholder);
    expect(part(el, 'send-button').getAttribute('aria-label')).to.equal(zhCN.send);
    el.lang = 'en';
    await el.updateComplete;
    expect(part(el, 'title').textContent).to.equal(en.title);
    expect(part<HTMLTextAreaElement>(el, 'input').placeholder).to.equal(en.placeholder);
  });

  it('inherits the page language when it has none of its own', async () => {
    const section = document.createElement('section');
    section.lang = 'zh-CN';
    document.body.append(section);
    const el = await mount(createScriptedAssistant(), {}, section);
    expect(part(el, 'launcher').getAttribute('aria-label')).to.equal(zhCN.open);
    section.remove();
  });

  it('mirrors under dir="rtl": the launcher sits at the inline end, which is the left', async () => {
    const el = await mount(createScriptedAssistant(), { dir: 'rtl', open: '' });
    const launcher = part(el, 'launcher').getBoundingClientRect();
    const panel = part(el, 'panel').getBoundingClientRect();
    expect(launcher.left).to.be.lessThan(window.innerWidth / 2);
    expect(panel.left).to.be.lessThan(window.innerWidth / 2);
    expect(
      getComputedStyle(el.shadowRoot?.querySelector('[part~="send-button"] svg') as Element).transform,
    ).to.not.equal('none');
    const ltr = await mount(createScriptedAssistant(), { open: '' });
    expect(part(ltr, 'launcher').getBoundingClientRect().left).to.be.greaterThan(window.innerWidth / 2);
  });
});
