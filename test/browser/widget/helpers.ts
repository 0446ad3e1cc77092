/** Small helpers shared by the widget's browser tests. */
import type { ConfidantAssistant, WidgetAssistant } from '../../../widget/index.ts';
import '../../../widget/index.ts';

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/**
 * Adds a `<confidant-assistant>` to the page (removed after the test).
 * @param assistant passed as `.assistant`, or none to let the element create its own
 * @param attributes set before it is connected
 * @param configure sets properties before it is connected (awaited)
 */
export async function mount(
  assistant?: WidgetAssistant,
  attributes: Record<string, string> = {},
  parent: HTMLElement = document.body,
  configure?: (el: ConfidantAssistant) => unknown,
): Promise<ConfidantAssistant> {
  const el = document.createElement('confidant-assistant');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (assistant) el.assistant = assistant;
  await configure?.(el);
  parent.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** The first element in the shadow root with this `part`. */
export function part<T extends HTMLElement = HTMLElement>(el: ConfidantAssistant, name: string): T {
  const found = el.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}"`);
  return found;
}

/** Every element with this `part`. */
export function parts(el: ConfidantAssistant, name: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

/** Waits until `condition` holds (polling each frame), or fails after `timeoutMs`. */
export async function until(condition: () => unknown, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Types into the composer and submits it, as a user would with the send button. */
export async function typeAndSend(el: ConfidantAssistant, text: string): Promise<void> {
  const input = part<HTMLTextAreaElement>(el, 'input');
  input.value = text;
  part(el, 'send-button').click();
  await el.updateComplete;
}

/** The text of every message bubble, in order (without the visually hidden sender label). */
export function bubbleTexts(el: ConfidantAssistant): string[] {
  return parts(el, 'bubble').map((bubble) => {
    const clone = bubble.cloneNode(true) as HTMLElement;
    clone.querySelector('.sr-only')?.remove();
    return clone.textContent?.trim() ?? '';
  });
}
