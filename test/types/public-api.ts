// Type tests of the public API (after comlink's and onnxruntime-web's type-tests): `npm test` type-checks this
// file; a `@ts-expect-error` that stops erroring, or an assertion that stops holding, fails the build.
import {
  createAssistant,
  defineSkill,
  type ConfidantError,
  type StorageError,
  type Assistant,
  type AssistantEvent,
  type NluResult,
  type Reply,
  type ReplyChunk,
  type SkillContext,
} from '../../src/index.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type Checks = [
  Expect<Equal<ReturnType<typeof createAssistant>, Promise<Assistant>>>,
  Expect<Equal<Awaited<ReturnType<Assistant['send']>>, Reply>>,
  Expect<Equal<Awaited<ReturnType<Assistant['classify']>>, NluResult>>,
  Expect<Equal<ReturnType<Assistant['on']>, () => void>>,
  Expect<
    Equal<
      AssistantEvent['type'],
      | 'message'
      | 'reply'
      | 'notification'
      | 'progress'
      | 'status'
      | 'storage-error'
      | 'permission-request'
      | 'model'
      | 'history'
    >
  >,
  Expect<Equal<NluResult['intent'], string | null>>,
  Expect<StorageError extends ConfidantError ? true : false>,
];

export async function usage(assistant: Assistant): Promise<void> {
  // Listeners get the event narrowed by its `type`.
  const off = assistant.on('reply', (event) => {
    const text: string = event.reply.text;
    void text;
  });
  off();
  assistant.on('permission-request', (event) => void event.respond(event.origins !== undefined));
  // @ts-expect-error: not an event of the assistant
  assistant.on('replied', () => {});

  for await (const chunk of assistant.stream('hi')) {
    const c: ReplyChunk = chunk;
    if (c.type === 'delta') void c.text.length;
    // @ts-expect-error: a delta chunk has no reply
    else if (c.type === 'delta') void c.reply;
  }
  await assistant.send('hi', { signal: AbortSignal.timeout(1000) });
  // @ts-expect-error: text must be a string
  await assistant.send(42);

  // The rest is grouped: history and privacy in `store`, permissions in `skills`, training in `models`.
  await assistant.store.search('dentist', { limit: 5, signal: AbortSignal.timeout(1000) });
  await assistant.skills.revokePermission('acme.orders', 'network');
  await assistant.models.train('confidant: 1', { onProgress: (event) => void event.status });
  // @ts-expect-error: grouped under `store`
  await assistant.erase();
  // @ts-expect-error: the engine's request ids stay inside; callers cancel with a signal
  await assistant.store.search('dentist', { requestId: 'r1' });
}

// Options are checked: storage and encryption are closed unions.
// @ts-expect-error: no such storage
void createAssistant({ storage: 'disk' });
// @ts-expect-error: no such encryption mode
void createAssistant({ encryption: { mode: 'rot13' } });
void createAssistant({
  worker: false,
  storage: 'memory',
  encryption: { mode: 'passphrase', passphrase: 'correct horse' },
});

// A skill's context is typed; capabilities the manifest may not declare are optional.
export const skill = defineSkill({
  id: 'acme.orders',
  version: '1.0.0',
  intents: ['order_status'],
  permissions: { network: ['https://api.acme.test'] },
  async execute(ctx: SkillContext) {
    // @ts-expect-error: ctx.fetch may be absent (no network permission), so it must be checked
    await ctx.fetch('https://api.acme.test/orders');
    const response = await ctx.fetch?.('https://api.acme.test/orders');
    return { text: `Status: ${response?.status ?? 'unknown'}` };
  },
});
