/**
 * The steps of the walking-skeleton test, shared by the source run and the run against the built
 * `dist/confidant.iife.js` (which defines the element from a plain `<script>` tag).
 */
import { rawDump } from '../../fixtures/store/raw-idb.ts';

interface ElementLike extends HTMLElement {
  updateComplete: Promise<boolean>;
  assistant: unknown;
}

interface ReplyLike {
  text: string;
  understanding: { intent: string | null; skill?: string };
}

const until = async (condition: () => unknown, timeoutMs: number, what: string) => {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const partOf = <T extends HTMLElement>(el: HTMLElement, name: string) =>
  el.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;

/**
 * Mounts the element with its own assistant (in a Worker, IndexedDB, default model), types "hello"
 * into its composer as a user would, and waits for the rendered reply.
 */
export async function helloThroughTheElement(
  el: HTMLElement,
  databaseName: string,
): Promise<{ reply: ReplyLike; userText: string }> {
  const element = el as ElementLike;
  element.setAttribute('open', '');
  element.setAttribute('load', 'eager');
  element.setAttribute('database', databaseName);
  const ready = new Promise((resolve, reject) => {
    element.addEventListener('confidant-ready', resolve, { once: true });
    element.addEventListener(
      'confidant-error',
      (e) => reject(new Error(`widget error: ${String((e as Event & { error?: unknown }).error)}`)),
      { once: true },
    );
  });
  document.body.append(element);
  await element.updateComplete;
  await ready;
  const replied = new Promise<ReplyLike>((resolve) =>
    element.addEventListener('confidant-reply', (e) => resolve((e as Event & { reply: ReplyLike }).reply), {
      once: true,
    }),
  );
  const userText = 'hello';
  await until(() => partOf(element, 'input') !== null, 10_000, 'the composer');
  const input = partOf<HTMLTextAreaElement>(element, 'input')!;
  input.value = userText;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  partOf(element, 'send-button')!.click();
  const reply = await replied;
  await until(
    () =>
      [...(element.shadowRoot?.querySelectorAll('[part~="bubble"]') ?? [])].some((b) =>
        b.textContent?.includes(reply.text),
      ),
    10_000,
    'the reply rendered',
  );
  return { reply, userText };
}

/**
 * The raw IndexedDB records once the turn's two messages are there (or after 10 s, for the test to
 * say what is missing): the engine writes a turn behind its reply (src/engine/turn-writes.ts), so
 * the reply can be on screen a moment before its records are.
 */
export async function dumpOnceStored(databaseName: string): Promise<Record<string, unknown[]>> {
  const start = performance.now();
  for (;;) {
    const dump = await rawDump(indexedDB, databaseName);
    if ((dump['messages']?.length ?? 0) >= 2 || performance.now() - start > 10_000) return dump;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
