// The LLM fallback, end to end in an in-thread assistant, against a local chat server on 127.0.0.1:
// the consent prompt says how many earlier turns go to which origin, and no request ever carries a
// skill secret or anything kept in the store beyond the turns it discloses. Canaries are seeded in
// every place the assistant keeps something: secrets, the profile, another skill's storage,
// settings, another conversation and turns older than `historyTurns`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, defineSkill, type AssistantEvent } from '../../../src/index.ts';
import { createLlmFallback, type PermissionRequestInfo } from '../../../src/entries/skills.ts';
import { startServer, type LocalServer } from '../../fixtures/skills/helpers.ts';

const CANARIES = {
  secret: 'CANARY-SECRET-7f3a',
  llmSecret: 'CANARY-LLM-SECRET-91c2',
  storage: 'CANARY-STORAGE-b8e1',
  setting: 'CANARY-SETTING-4d0c',
  otherConversation: 'canaryotherconversation',
  old: 'canaryoldturn',
};
// A question the default model leaves out of scope (so the fallback answers it).
const QUESTION = 'explain the offside rule in water polo';

async function chatServer(answer: string): Promise<LocalServer> {
  return startServer((_req, res) =>
    res
      .setHeader('content-type', 'application/json')
      .end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer } }] })),
  );
}

for (const historyTurns of [0, 2]) {
  test(`historyTurns ${historyTurns}: disclosed in the prompt, and nothing else leaves`, async () => {
    const server = await chatServer('Sync your account: [here](https://evil.example/login) or http://192.168.0.1/');
    const keeper = defineSkill({
      id: 'acme.keeper',
      version: '1.0.0',
      intents: ['order_status'],
      permissions: { storage: true, secret: true },
      async execute(ctx) {
        await ctx.storage!.set('note', CANARIES.storage);
        return `noted (${(await ctx.secret!())?.length ?? 0})`;
      },
    });
    const llm = createLlmFallback({ baseUrl: `${server.origin}/v1`, model: 'tiny', historyTurns });
    const assistant = await createAssistant({ worker: false, storage: 'memory', skills: [keeper, llm] });
    const asked: PermissionRequestInfo[] = [];
    assistant.on('permission-request', (e: Extract<AssistantEvent, { type: 'permission-request' }>) => {
      asked.push(e);
      void e.respond(true);
    });
    try {
      await assistant.skills.setSkillSecret('acme.keeper', CANARIES.secret);
      await assistant.skills.setSkillSecret(llm.id, CANARIES.llmSecret);
      // Another conversation holds a canary; then the current one gets old turns, a profile
      // name and another skill's storage, then enough turns to push the old ones out of the window.
      await assistant.send(`add ${CANARIES.otherConversation} to my shopping list`);
      await assistant.store.newConversation();
      await assistant.send(`add ${CANARIES.old} to my shopping list`);
      await assistant.send('call me Canaryname');
      await assistant.send('where is my order');
      for (const filler of ['hello', 'thanks', 'hello']) await assistant.send(filler);
      const reply = await assistant.send(QUESTION);
      assert.equal(reply.understanding.skill, llm.id, 'the fallback answered');

      // The prompt: which origin, the current turn, how many earlier turns.
      assert.equal(asked.length, 1, JSON.stringify(asked));
      assert.deepEqual(asked[0]?.sends, { origin: server.origin, currentTurn: true, earlierTurns: historyTurns });
      assert.equal(asked[0]?.reason, 'new');

      assert.equal(server.requests.length, 1);
      const sent = server.requests[0]!;
      const everything = JSON.stringify(sent.headers) + sent.body;
      for (const [where, canary] of Object.entries(CANARIES))
        assert.equal(everything.toLowerCase().includes(canary.toLowerCase()), false, `${where} leaked`);
      assert.equal(everything.includes('Canaryname'), false, 'the profile leaked');
      const messages = JSON.parse(sent.body).messages as { role: string; content: string }[];
      assert.equal(messages.length, historyTurns + 1, 'exactly the disclosed number of earlier turns');
      assert.deepEqual(messages.at(-1), { role: 'user', content: QUESTION });

      // The answer is plain text: nothing in it becomes a link.
      assert.equal(reply.markdown, undefined);
      assert.equal(reply.cards, undefined);
    } finally {
      await assistant.dispose();
      await server.close();
    }
  });
}
