/**
 * The strict-CSP fixture's script: defines the widget from source and gives the element an app
 * skill whose reply carries hostile markdown, so the test sees rendering under Trusted Types.
 */
import type { SkillDefinition } from '../../../src/index.ts';
import '../../../widget/index.ts';
import { payloads } from '../widget/payloads.ts';

const hostile: SkillDefinition = {
  id: 'test.hostile',
  version: '1.0.0',
  intents: ['order_status'],
  execute: () => ({
    text: 'Hostile reply',
    markdown: `**Hostile** reply\n\n${payloads.join('\n\n')}`,
    cards: [{ title: 'Card', url: 'javascript:alert(1)' }],
  }),
};

const el = document.querySelector('confidant-assistant');
if (el) {
  el.database = `csp-${Date.now()}`;
  // `?worker=0` runs the engine in this thread: the same page without the Worker (and its Trusted Types sink).
  el.assistantOptions = {
    skills: [hostile],
    ...(new URLSearchParams(location.search).get('worker') === '0' ? { worker: false } : {}),
  };
}
(window as { alerts?: number }).alerts = 0;
window.alert = () => void ((window as { alerts?: number }).alerts = ((window as { alerts?: number }).alerts ?? 0) + 1);
