/**
 * The npm/ESM demo: an app creates its own assistant with a skill of its own, passes it to the
 * element through `.assistant`, and trains custom intents in the browser (when the assistant can).
 */
import { createAssistant } from 'confidant-assistant';
import type { SkillDefinition } from 'confidant-assistant';
import 'confidant-assistant/widget';

/** Demo data: what a real skill would fetch from the shop's API (with `permissions.network`). */
const orders: Record<string, { status: string; eta: string }> = {
  '104233': { status: 'shipped', eta: 'Thursday' },
  '104234': { status: 'being packed', eta: 'next Monday' },
};

const orderSkill: SkillDefinition = {
  id: 'acme.orders',
  version: '1.0.0',
  intents: ['order_status'],
  // Completes "I can …" in the replies that list what the assistant does (demo data: nothing leaves the page).
  description: 'tell where your Acme order is',
  execute(ctx) {
    // The number said with the request, or the answer to the question below (the `order` slot).
    const id = /\d{6}/.exec(ctx.text)?.[0] ?? /\d{6}/.exec(String(ctx.slots.order ?? ''))?.[0];
    const order = id ? orders[id] : undefined;
    if (!id || !order) {
      // `ask` keeps the question open: the next turn ("ORD-104234", "104233") answers it.
      const question = 'Which order? The number looks like ORD-104233.';
      return {
        text: question,
        ask: { question, slot: 'order' },
        quickReplies: [{ label: 'ORD-104233', value: 'ORD-104233' }],
      };
    }
    return {
      text: `Order ORD-${id} is ${order.status} and should arrive ${order.eta}.`,
      markdown: `Order **ORD-${id}** is ${order.status} and should arrive **${order.eta}**.`,
      cards: [
        { title: `ORD-${id}`, text: `${order.status}, arriving ${order.eta}`, url: `https://example.com/orders/${id}` },
      ],
      quickReplies: [
        { label: 'Store hours?', value: 'when are you open' },
        { label: 'Return an item', value: 'I want to return something' },
      ],
    };
  },
};

const hoursSkill: SkillDefinition = {
  id: 'acme.hours',
  version: '1.0.0',
  intents: ['store_hours'],
  execute: () => ({
    text: 'We are open 9:00–18:00, Monday to Saturday.',
    markdown: 'We are open **9:00–18:00**, Monday to Saturday.',
  }),
};

const returnSkill: SkillDefinition = {
  id: 'acme.returns',
  version: '1.0.0',
  intents: ['return_item'],
  execute: () => ({
    text: 'You can return anything within 30 days. Start at example.com/returns.',
    markdown: 'You can return anything within **30 days**: start at [our returns page](https://example.com/returns).',
  }),
};

const status = document.querySelector<HTMLElement>('#train-status');
const form = document.querySelector<HTMLFormElement>('#train-form');
const textarea = document.querySelector<HTMLTextAreaElement>('#corpus');
const cancel = document.querySelector<HTMLButtonElement>('#train-cancel');
const element = document.querySelector('confidant-assistant');
// The shop's own intents, in the file `npm run build:demo-model` trained demo/acme-store.ext.onnx from.
const corpus = await fetch(new URL('./acme-store.yml', import.meta.url)).then((r) => r.text());
if (textarea) textarea.value = corpus;

const assistant = await createAssistant({
  databaseName: 'confidant-demo-app',
  // The default model extended with the shop's intents, shipped as the difference from it (~150 KB):
  // the buttons below work before anyone trains.
  model: new URL('./acme-store.ext.onnx', import.meta.url).href,
  skills: [orderSkill, hoursSkill, returnSkill],
});
if (element) element.assistant = assistant;

// `train` is feature-detected: an assistant from another build may not have it.
if (typeof assistant.models?.train !== 'function') {
  form?.setAttribute('hidden', '');
  if (status) status.textContent = 'This build cannot train in the browser.';
} else {
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    const started = performance.now();
    const controller = new AbortController();
    cancel?.removeAttribute('hidden');
    cancel?.addEventListener('click', () => controller.abort(new DOMException('Cancelled', 'AbortError')), {
      once: true,
    });
    assistant.models
      .train(textarea?.value ?? corpus, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (status && progress.status === 'epoch')
            status.textContent = `Training… epoch ${progress.epoch} of ${progress.epochs}`;
        },
      })
      .then(
        (model) => {
          const added = model.report?.added.length ?? 0;
          if (status)
            status.textContent =
              `Trained “${model.name}”: ${model.labels.length} intents` +
              (model.mode === 'extend' ? ` (the default model's and ${added} of yours)` : '') +
              ` in ${Math.round(performance.now() - started)} ms. Try the chat.` +
              (model.report?.warnings.length ? ` Note: ${model.report.warnings.join(' ')}` : '');
        },
        (error: unknown) => {
          if (status) status.textContent = `Training failed: ${error instanceof Error ? error.message : String(error)}`;
        },
      )
      .finally(() => {
        if (button) button.disabled = false;
        cancel?.setAttribute('hidden', '');
      });
  });
}
