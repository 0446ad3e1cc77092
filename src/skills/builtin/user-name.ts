/**
 * The built-in name skill: "call me Brad" keeps the name in the user's profile (`ctx.profile`,
 * encrypted), "what's my name?" recalls it.
 *
 * @module
 */
import type { DialogueSkill, DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillReply } from '../../skills/types.ts';
import { pick, type Random } from './phrasing.ts';

const NAME = String.raw`([\p{L}][\p{L}'.-]*(?:\s+[\p{L}][\p{L}'.-]*){0,2})`;
const PATTERNS = [
  new RegExp(
    String.raw`\b(?:call me|calling me|refer to me as|address me as|know me as|name me|call me by)\s+${NAME}`,
    'iu',
  ),
  new RegExp(
    String.raw`\b(?:my name is|my names|my name's|i go by|i prefer to go by|i prefer|people call me|everyone calls me|my friends call me|they call me|change my name to|set my name to|rename me to|my name to)\s+${NAME}`,
    'iu',
  ),
];
/** Words after which the captured "name" is the rest of a sentence, not a name. */
const NOT_A_NAME =
  /^(?:something|anything|what|by|a|an|the|me|my|you|it|that|this|else|different|another|now|please|instead)$/i;

/** Capitalizes each part: "mary ann" → "Mary Ann". */
function properCase(name: string): string {
  return name.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function extractName({ text, answer }: SlotExtractInput): string | undefined {
  let name: string | undefined;
  for (const p of PATTERNS) name ??= p.exec(text)?.[1];
  if (name === undefined && answer) name = text.trim().replace(/^(?:it'?s|i'?m|call me|just)\s+/i, '');
  if (name === undefined) return undefined;
  const words = name
    .replace(/[?.!,]+$/, '')
    .replace(/\s+(?:please|instead|now|from now on|thanks?)$/i, '')
    .trim()
    .split(/\s+/);
  if (words.length === 0 || NOT_A_NAME.test(words[0]!)) return undefined;
  return properCase(words.join(' '));
}

const nameSlot: DialogueSlot = {
  name: 'name',
  kind: 'text',
  prompt: ['What should I call you?', 'Sure, what name should I use?'],
  required: false,
  extract: extractName,
  validate: (v) =>
    typeof v === 'string' && /^[\p{L}][\p{L}'. -]{0,39}$/u.test(v)
      ? true
      : "That doesn't look like a name I can use. What should I call you?",
};

/**
 * The name skill (`change_user_name`, `user_name`).
 * @param random the injected random source
 */
export function createUserNameSkill(random: Random): DialogueSkill {
  return {
    id: 'builtin.user-name',
    version: '1.0.0',
    intents: ['change_user_name', 'user_name'],
    description: 'remember your name',
    intentDescriptions: {
      change_user_name: 'call me by a name, my name is; 叫我',
      user_name: 'what is my name; 我叫什么',
    },
    slots: [nameSlot],
    permissions: { profile: true },
    refineIntent: (intent, slots) => (slots['name'] !== undefined ? 'change_user_name' : intent),
    async execute(ctx): Promise<string | SkillReply> {
      if (ctx.profile === undefined) return "I can't remember names in this app, sorry.";
      const name = ctx.slots['name'];
      if (typeof name === 'string') {
        await ctx.profile.set('name', name);
        return pick(
          [
            `Nice to meet you, ${name}! I'll call you ${name} from now on.`,
            `Got it, ${name}. That's what I'll call you.`,
            `Okay, ${name} it is.`,
          ],
          random,
        );
      }
      if (ctx.intent === 'change_user_name') {
        const question = pick(nameSlot.prompt as string[], random);
        return { text: question, ask: { question, slot: 'name' } };
      }
      const known = await ctx.profile.get<string>('name');
      if (typeof known !== 'string') return `I don't know your name yet. Tell me by saying "call me" and your name.`;
      return pick([`You're ${known}.`, `Your name is ${known}.`, `I call you ${known}.`], random);
    },
  };
}
