// A single list item may be a plural noun ("grapes") and a to-do item is one task ("feed the cats"):
// the English list replies must read right for both, added or taken off, asked about or missing.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createHarness } from '../dialogue/harness.ts';

/** A verb that agrees with the count of items, right after the item: wrong for one plural item. */
const SINGULAR_AFTER = /\b(?:grapes|cats) (?:is|isn't|was|wasn't)\b/i;
const PLURAL_AFTER = /\b(?:rice|flour) (?:are|aren't|were|weren't)\b/i;

it('English list replies agree with plural single items and with several', async () => {
  const h = await createHarness();
  const replies: string[] = [];
  // Every variant of each reply: the harness picks them in turn from its seeded random.
  for (let i = 0; i < 4; i += 1) {
    replies.push((await h.say('put grapes on my shopping list', 'shopping_list_update')).reply.text);
    replies.push((await h.say('are grapes on my shopping list', 'shopping_list')).reply.text);
    replies.push((await h.say('take grapes off my shopping list', 'shopping_list_update')).reply.text);
    replies.push((await h.say('take grapes off my shopping list', 'shopping_list_update')).reply.text);
    replies.push((await h.say('are grapes on my shopping list', 'shopping_list')).reply.text);
    replies.push((await h.say('add rice and flour to my shopping list', 'shopping_list_update')).reply.text);
    replies.push((await h.say('add rice to my shopping list', 'shopping_list_update')).reply.text);
    replies.push((await h.say('remove rice and flour from my shopping list', 'shopping_list_update')).reply.text);
    replies.push((await h.say('add feed the cats to my to do list', 'todo_list_update')).reply.text);
    replies.push((await h.say('remove feed the cats from my to do list', 'todo_list_update')).reply.text);
  }
  const said = replies.join('\n');
  assert.match(said, /grapes/);
  assert.match(said, /rice and flour/);
  assert.match(said, /feed the cats/);
  for (const r of replies) {
    assert.doesNotMatch(r, SINGULAR_AFTER, r);
    assert.doesNotMatch(r, PLURAL_AFTER, r);
  }
});
