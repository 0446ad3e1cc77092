/**
 * The built-in name skill: "call me Brad" keeps the name in the user's profile (`ctx.profile`,
 * encrypted), "what's my name?" recalls it.
 *
 * @module
 */
import type { DialogueSkill, DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillReply } from '../types.ts';
import { pick, type Random } from './phrasing.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { withoutFillersZh } from '../../lang/zh/zh-fillers.ts';
import { afterTakeBackZh } from '../../lang/zh/zh-split-at-take-back.ts';
import { byLanguage, packFor } from '../../lang/pack.ts';

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
  // "I am called Marek": not "I am called back for an interview", "i'm called in to work" (a verb with its particle).
  new RegExp(
    String.raw`\b(?:i am called|i'm called|im called|i am named|i'm named)\s+(?!(?:back|in|up|out|off|away|on|to|for|into|over|home|again|by|upon|about|at|as|with|from|round|around|down|early|late|today|tomorrow)\b)${NAME}`,
    'iu',
  ),
];
/**
 * Words after which the captured "name" is the rest of a sentence, not a name: "call me something else",
 * and when or how to call back ("call me later", "call me back tomorrow", "call me when you're free").
 */
const NOT_A_NAME =
  /^(?:something|anything|what|by|a|an|the|me|my|you|it|that|this|else|different|another|now|please|instead|later|back|soon|tomorrow|tmrw|tonight|today|asap|when|whenever|once|if|at|on|in|after|before|again|anytime|sometime)$/i;

/** Capitalizes each part: "mary ann" → "Mary Ann". */
function properCase(name: string): string {
  return name.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** "叫我小王", "我叫李明", "我的名字是张伟", "以后叫我老王吧", "你可以叫我Tom". */
const ZH_PATTERNS = [
  /(?:叫我|称呼我|喊我|管我叫|把我叫做?)\s*([^\s，,。！!？?、]{1,20})/u,
  /(?:我叫|我的名字是|我的名字叫|我名字叫|我名字是|名字改成|名字改为|改名叫|改名为|我的名字改成)\s*([^\s，,。！!？?、]{1,20})/u,
  // "叫老周吧", "就叫周师傅": a short turn that only names.
  // "就叫老周吧 厂里都这么叫": the same, with a reason after a space or after 吧.
  /^(?:那就|就|那|以后就?)?叫(?![我醒个车])([^\s，,。！!？?、]{1,8}?)(?:吧|就行了?|就好了?)?(?:$|(?<=吧)|\s+(?=\p{Script=Han}))/u,
];
/** A turn that asks ("那我叫啥来着", "你现在管我叫啥") gives no name, even as an answer. */
const ZH_QUESTION = /啥|什么|谁|哪|几|吗|来着|乜|咩|边个|[？?]/u;
/**
 * What follows "我叫" when it asks rather than tells ("我叫什么名字"), and words in the place of a name
 * that name none ("叫我原名就行", "随便叫吧": the skill does not know it).
 */
const ZH_NOT_A_NAME =
  /^(?:什么|啥|谁|哪|怎么|几|吗|呢|乜|咩|边个|你|我|他|她|它|名字|原名|本名|真名|全名|大名|随便|原来的)/u;

function extractNameZh(said: string, answer: boolean): string | undefined {
  // "叫我 呃 小王": a voice filler is no part of the name.
  const text = withoutFillersZh(said);
  // "叫我阿杰 算了 还是杰哥吧": the name said after the take-back, read as an answer.
  const retaken = afterTakeBackZh(text);
  if (retaken !== undefined && retaken !== said) {
    const second = extractNameZh(retaken, true);
    if (second !== undefined) return second;
  }
  let name: string | undefined;
  for (const p of ZH_PATTERNS) name ??= p.exec(text)?.[1];
  // An answer's name is its first clause: "张姐吧，显得年轻一点" is 张姐. Phone and voice input part
  // clauses with a space or run them on after 吧: "就叫芳姐吧 店里都这么叫", "老周吧大家都这么叫".
  if (name === undefined && answer && !ZH_QUESTION.test(text))
    name = text
      .trim()
      .split(/[，,。；;！!]|(?<=\p{Script=Han})(?:\s+|(?<=吧))(?=\p{Script=Han})/u)[0]!
      .replace(/^(?:我是|我叫|叫我|就叫|是)/u, '')
      .replace(/[\s，,。！!？?]+$/u, '');
  if (name === undefined) return undefined;
  // "叫我小雪吧大家都这么叫我": voice input runs the reason on after 吧.
  name = name.replace(/(?<=\p{Script=Han})吧\p{Script=Han}{2,}$/u, '');
  // "称呼我为李老师": 为 introduces the name.
  name = name
    .replace(/^(?:为|做|作)(?=.)/u, '')
    // Cantonese "以后叫我阿珍就得啦": 就得 (will do) and 啦 / 喇 end the sentence, not the name.
    .replace(/(?:就行了?|就好了?|就可以了?|就得(?:啦|喇|了)?|好了|以后|吧|哦|啊|呀|了|啦|喇|哈|嘛|谢谢)+$/u, '')
    .trim();
  if (name === '' || ZH_NOT_A_NAME.test(name)) return undefined;
  return name;
}

/** Talk before an answered name: "umm Rafael", "oh ok, Sam". */
const EN_LEAD = /^(?:(?:um+|uh+|er+m?|hmm+|well|ok(?:ay)?|oh|so|like|yeah|sure|alright)\b[\s,.]*)+/i;

/** A word that ends a name and starts the rest of the sentence: "Jay from now on", "Sam please". */
const AFTER_NAME =
  /^(?:from|please|pls|plz|instead|now|thanks?|thx|ty|ok(?:ay)?|then|again|lol|haha+|going|for|if|because|cause|cuz|and|but|so|too|here|with|since|is|will|would|ya|yeah|by|btw|actually)$/i;

/** "sorry with a C, Cat": after a comma, a capitalized name alone is the answer. */
const LAST_CLAUSE_NAME = /,\s*([A-Z][\p{L}'.-]*(?:\s+[A-Z][\p{L}'.-]*){0,2})[.!]*$/u;

function extractName({ text, answer }: SlotExtractInput): string | undefined {
  if (hasHan(text)) return extractNameZh(text, answer);
  let name: string | undefined;
  for (const p of PATTERNS) name ??= p.exec(text)?.[1];
  if (name === undefined && answer) {
    const said = text.trim().replace(EN_LEAD, '');
    // "Thandiwe, the full thing", "Samantha, that's my real name": the name is the first clause, unless a
    // capitalized name alone ends the turn ("sorry with a C, Cat").
    name =
      LAST_CLAUSE_NAME.exec(said)?.[1] ?? said.replace(/^(?:it'?s|i'?m|call me|just)\s+/i, '').split(/\s*[,;]\s+/)[0];
  }
  if (name === undefined) return undefined;
  const words = name
    .replace(/[?.!,]+$/, '')
    .trim()
    .split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && AFTER_NAME.test(w.replace(/[?.!,]+$/, '')));
  if (end > 0) words.length = end;
  if (words.length === 0 || NOT_A_NAME.test(words[0]!)) return undefined;
  return properCase(words.join(' ').replace(/[?.!,]+$/, ''));
}

const nameSlot: DialogueSlot = {
  name: 'name',
  kind: 'text',
  prompt: byLanguage((p) => p.skills.userName.askName),
  required: false,
  extract: extractName,
  validate: (v, lang) =>
    // "啥来着", "什么": a question word the tagger took from "我叫啥来着" is never a name to keep, nor
    // "back" from "call me back tomorrow".
    typeof v === 'string' &&
    /^[\p{L}][\p{L}'. -]{0,39}$/u.test(v) &&
    !ZH_QUESTION.test(v) &&
    !NOT_A_NAME.test(v.split(' ')[0]!)
      ? true
      : packFor(lang).skills.userName.badName,
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
      const say = packFor(ctx.lang).skills.userName;
      if (ctx.profile === undefined) return say.unavailable;
      const name = ctx.slots['name'];
      if (typeof name === 'string') {
        await ctx.profile.set('name', name);
        return pick(say.set(name), random);
      }
      if (ctx.intent === 'change_user_name') {
        const question = pick(say.askName, random);
        return { text: question, ask: { question, slot: 'name' } };
      }
      const known = await ctx.profile.get<string>('name');
      if (typeof known !== 'string') return say.unknown;
      return pick(say.known(known), random);
    },
  };
}
