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
  description: 'Tells where an Acme order is (demo data, nothing leaves the page).',
  execute(ctx) {
    const id = /\d{6}/.exec(ctx.text)?.[0];
    const order = id ? orders[id] : undefined;
    if (!id || !order) {
      return {
        text: 'Which order? The number looks like ORD-104233.',
        quickReplies: [{ label: 'ORD-104233', value: 'where is order ORD-104233' }],
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

const corpus = `# The shop's own intents: after training, the model knows these (and only these).
language: en
name: acme-store
intents:
  greeting: [hello, hi, hey there, good morning, hi assistant]
  goodbye: [bye, see you, goodbye, talk to you later, that's all]
  thank_you: [thanks, thank you, cheers, thanks a lot, great thank you]
  order_status:
    - where is my order
    - has my order shipped
    - track order ORD-104233
    - when will my package arrive
    - what's the status of my order
    - where is order 104234
  store_hours:
    - when are you open
    - what are your opening hours
    - are you open on sunday
    - what time do you close
    - store hours
  return_item:
    - I want to return something
    - how do I return an item
    - can I send this back
    - refund for my order
    - return policy
outOfScope: [what's the weather, tell me about quantum physics, book a flight to paris]
`;

const status = document.querySelector<HTMLElement>('#train-status');
const form = document.querySelector<HTMLFormElement>('#train-form');
const textarea = document.querySelector<HTMLTextAreaElement>('#corpus');
const element = document.querySelector('confidant-assistant');
if (textarea) textarea.value = corpus;

const assistant = await createAssistant({
  databaseName: 'confidant-demo-app',
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
    assistant.models
      .train(textarea?.value ?? corpus, {
        onProgress: (progress) => {
          if (status && progress.status === 'epoch')
            status.textContent = `Training… epoch ${progress.epoch} of ${progress.epochs}`;
        },
      })
      .then(
        (model) => {
          if (status)
            status.textContent = `Trained “${model.name}” on ${model.labels.length} intents in ${Math.round(performance.now() - started)} ms (${(model.bytes / 1024).toFixed(0)} KB). Try the chat.`;
        },
        (error: unknown) => {
          if (status) status.textContent = `Training failed: ${error instanceof Error ? error.message : String(error)}`;
        },
      )
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}
