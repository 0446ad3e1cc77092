// Every view of the widget — the chat, past conversations, settings, the passphrase screen — in light, dark,
// right-to-left, Simplified Chinese and on a 390 px phone: compared with the committed screenshots in
// baselines/ (within a tolerance, see screenshot-plugin.mjs; UPDATE_BASELINES=1 rewrites them after a
// change you have looked at), and checked by axe with 0 violations. Time is frozen so dates do not move.
import { expect } from '@esm-bundle/chai';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { StoredMessage } from '../../../src/index.ts';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import { axeViolations } from './axe.ts';
import { createScriptedAssistant } from './scripted-assistant.ts';
import { mount, part, parts, typeAndSend, until } from './helpers.ts';

/** 2026-03-14 09:26 UTC: every time the views show is around it. */
const FIXED = Date.UTC(2026, 2, 14, 9, 26);
/** The share of pixels that may differ from the baseline (anti-aliasing is ignored already). */
const TOLERANCE = 0.002;

interface Variant {
  name: string;
  attributes: Record<string, string>;
  scheme: 'light' | 'dark';
  width: number;
  height: number;
}

const variants: Variant[] = [
  { name: 'light', attributes: {}, scheme: 'light', width: 900, height: 720 },
  { name: 'dark', attributes: {}, scheme: 'dark', width: 900, height: 720 },
  { name: 'rtl', attributes: { dir: 'rtl', lang: 'ar' }, scheme: 'light', width: 900, height: 720 },
  { name: 'zh-CN', attributes: { lang: 'zh-CN' }, scheme: 'light', width: 900, height: 720 },
  { name: 'mobile', attributes: {}, scheme: 'light', width: 390, height: 844 },
];

/** What the conversation says, in the variant's language. */
function content(variant: Variant) {
  if (variant.name === 'zh-CN')
    return {
      earlier: ['提醒我明天早上8点去看牙医', '好的，明天早上8点提醒你去看牙医。'],
      ask: '我的订单到哪了？',
      reply: '你的订单 **#42** 今天已发货。[查看物流](https://example.com/track)',
      replies: ['查看物流', '取消订单'],
      card: '订单 42',
      titles: ['看牙医', '购物清单'],
    };
  if (variant.name === 'rtl')
    return {
      earlier: ['ذكرني بموعد طبيب الأسنان غدا', 'حسنا، سأذكرك غدا في الثامنة.'],
      ask: 'أين طلبي؟',
      reply: 'تم شحن طلبك **#42** اليوم. [تتبع الشحنة](https://example.com/track)',
      replies: ['تتبع', 'إلغاء'],
      card: 'طلب ٤٢',
      titles: ['طبيب الأسنان', 'قائمة التسوق'],
    };
  return {
    earlier: ['Remind me about the dentist at 8 tomorrow', 'OK, I will remind you tomorrow at 8:00.'],
    ask: 'Where is my order?',
    reply: 'Your order **#42** shipped today. [Track it](https://example.com/track)',
    replies: ['Track it', 'Cancel it'],
    card: 'Order 42',
    titles: ['Dentist reminder', 'Shopping list'],
  };
}

function assistantFor(variant: Variant, options: { passphrase?: string } = {}) {
  const words = content(variant);
  const history: StoredMessage[] = words.earlier.map((text, i) => ({
    id: `h${i}`,
    conversationId: 'c1',
    role: i % 2 ? 'assistant' : 'user',
    text,
    createdAt: FIXED - 3_600_000 + i * 1000,
  }));
  const assistant = createScriptedAssistant(
    () => ({
      reply: {
        text: words.reply,
        markdown: words.reply,
        quickReplies: words.replies.map((label) => ({ label })),
        cards: [{ title: words.card, text: words.ask }],
      },
    }),
    {
      history,
      ...options,
      extras: {
        store: {
          rateMessage: async () => {},
          renameConversation: async () => {},
          deleteConversation: async () => {},
          erase: async () => {},
          exportBackup: async () => new Uint8Array(),
          importBackup: async () => ({}),
          retention: async () => 30,
          setRetention: async () => {},
          changePassphrase: async () => {},
          keyState: async () => ({
            mode: options.passphrase ? 'unset' : 'device',
            locked: Boolean(options.passphrase),
            persistent: true,
          }),
          startOver: async () => {},
        },
        skills: {
          permissions: async () => [
            { skillId: 'acme.orders', permission: 'network', origins: ['https://api.acme.example'] },
          ],
          revokePermission: async () => {},
        },
        models: { exportFeedback: async () => ({}) },
      } as never,
    },
  );
  assistant.store.conversations = async () =>
    words.titles.map((title, i) => ({
      id: `c${i + 1}`,
      title,
      preview: words.earlier[1 - i] ?? '',
      createdAt: FIXED - 86_400_000 * (i + 1),
      updatedAt: FIXED - 86_400_000 * i - 3_600_000,
    }));
  return assistant;
}

async function settle(el: ConfidantAssistant): Promise<void> {
  await el.updateComplete;
  // A caret or focus ring would make the pixels depend on timing: nothing is focused in a screenshot.
  (el.shadowRoot?.activeElement as HTMLElement | null)?.blur();
  await Promise.all(
    (el.shadowRoot?.getAnimations() ?? [])
      .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
      .map((animation) => animation.finished),
  );
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

async function check(el: ConfidantAssistant, name: string): Promise<void> {
  await settle(el);
  const violations = await axeViolations(el);
  expect(violations, `${name}:\n${violations.join('\n')}`).to.deep.equal([]);
  const { diffRatio, written } = await executeServerCommand<{ diffRatio: number; written: boolean }, { name: string }>(
    'compare-screenshot',
    { name },
  );
  if (written) console.log(`baseline written: ${name}.png`);
  expect(diffRatio, `${name}: ${(diffRatio * 100).toFixed(2)}% of pixels differ from the baseline`).to.be.at.most(
    TOLERANCE,
  );
}

describe('views: screenshots against baselines, and axe', () => {
  const now = Date.now;
  before(() => (Date.now = () => FIXED));
  after(async () => {
    Date.now = now;
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  for (const variant of variants) {
    describe(variant.name, () => {
      before(async () => {
        await emulateMedia({ colorScheme: variant.scheme });
        await setViewport({ width: variant.width, height: variant.height });
      });

      it('chat', async () => {
        const el = await mount(assistantFor(variant), { open: '', voice: 'off', ...variant.attributes });
        await typeAndSend(el, content(variant).ask);
        await until(() => parts(el, 'quick-reply').length === 2);
        await check(el, `chat-${variant.name}`);
      });

      it('past conversations', async () => {
        const el = await mount(assistantFor(variant), { open: '', voice: 'off', ...variant.attributes });
        part(el, 'conversations-button').click();
        await until(() => parts(el, 'conversation').length === 2);
        await check(el, `conversations-${variant.name}`);
      });

      it('settings', async () => {
        const el = await mount(assistantFor(variant), { open: '', voice: 'off', ...variant.attributes });
        part(el, 'settings-button').click();
        await until(() => parts(el, 'protection').length === 1 && parts(el, 'revoke-button').length === 1);
        await check(el, `settings-${variant.name}`);
      });

      it('choosing a passphrase', async () => {
        const el = await mount(assistantFor(variant, { passphrase: 'pw' }), {
          open: '',
          voice: 'off',
          ...variant.attributes,
        });
        await until(() => parts(el, 'new-passphrase').length === 1);
        await check(el, `passphrase-${variant.name}`);
      });
    });
  }
});

describe('axe on the states between views', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`rename, delete, forgot, voice consent, unread badge, starters, long text (${scheme})`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const scan = async (el: ConfidantAssistant, state: string) => {
        await settle(el);
        const violations = await axeViolations(el);
        expect(violations, `${state}:\n${violations.join('\n')}`).to.deep.equal([]);
      };
      const variant = variants[0] as Variant;
      const el = await mount(assistantFor(variant), { open: '', voice: 'off' });
      part(el, 'conversations-button').click();
      await until(() => parts(el, 'rename-button').length === 2);
      parts(el, 'rename-button')[0]?.click();
      await until(() => parts(el, 'rename-input').length === 1);
      await scan(el, 'rename');
      parts(el, 'delete-button')[0]?.click();
      await until(() => parts(el, 'confirm-delete-button').length === 1);
      await scan(el, 'delete confirmation');

      const locked = createScriptedAssistant(undefined, {
        passphrase: 'pw',
        extras: {
          store: {
            keyState: async () => ({ mode: 'passphrase', locked: true, persistent: true }),
            startOver: async () => {},
          },
        },
      });
      const unlock = await mount(locked, { open: '', voice: 'off' });
      await until(() => parts(unlock, 'forgot-button').length === 1);
      await scan(unlock, 'unlock');
      part(unlock, 'forgot-button').click();
      await until(() => parts(unlock, 'start-over-button').length === 1);
      await scan(unlock, 'start over');

      const empty = createScriptedAssistant(undefined, {
        extras: { skills: { list: async () => [{ id: 'b', version: '1.0.0', intents: ['timer', 'tell_joke'] }] } },
      });
      const closed = await mount(empty, { voice: 'off' });
      empty.emit({
        type: 'notification',
        reply: { id: 'n1', conversationId: 'c1', text: 'Timer done', createdAt: FIXED, understanding: {} },
      });
      await until(() => parts(closed, 'badge').length === 1);
      await scan(closed, 'unread badge');
      closed.show();
      await until(() => parts(closed, 'starter').length === 0 && parts(closed, 'bubble').length === 1);
      const fresh = await mount(
        createScriptedAssistant(undefined, {
          extras: { skills: { list: async () => [{ id: 'b', version: '1.0.0', intents: ['timer', 'tell_joke'] }] } },
        }),
        { open: '', voice: 'off' },
      );
      await until(() => parts(fresh, 'starter').length === 2);
      await scan(fresh, 'starters');
      const long = await mount(
        createScriptedAssistant(undefined, {
          history: [{ id: 'l1', conversationId: 'c1', role: 'user', text: 'long '.repeat(2000), createdAt: FIXED }],
        }),
        { open: '', voice: 'off' },
      );
      await until(() => parts(long, 'show-more').length === 1);
      await scan(long, 'long text');
    });
  }
});
