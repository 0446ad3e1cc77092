/**
 * Reading how a turn talks rather than asks (issues 13 and 15): a feeling ("i feel sad", "好累啊"),
 * an insult ("youre useless", "你好笨"), a reaction ("lol", "哈哈", "asdf"), not knowing ("idk", "随便") or an aside
 * while a question is open ("one sec", "等一下"). The dialogue conventions label feelings and
 * reactions `oos`; they still deserve a short, honest reply, and none of them is an answer (a name,
 * an item, a reminder's text). Bounded grammars per language (`en-talk.ts`, `zh-talk.ts`) that must
 * match the whole turn, plus a keyboard-mash test; no model, so a request with a feeling in it
 * ("im bored, tell me a joke") stays a request.
 *
 * @module
 */
import { enTalk } from './en/en-talk.ts';
import { zhTalk } from './zh/zh-talk.ts';

/**
 * How a turn talks: a feeling's kind, an insult, praise ("youre the best", "你真棒"), taking note
 * ("got it", "知道了"), a reaction (laughter, an interjection, keyboard mash), not knowing ("idk",
 * "随便"), an aside ("one sec", "hmm", "我想想"), a question about privacy ("are you recording me",
 * "聊天记录安全吗": answered truthfully).
 */
export type TalkKind =
  | 'sad'
  | 'tired'
  | 'bored'
  | 'lonely'
  | 'stressed'
  | 'angry'
  | 'happy'
  | 'insult'
  | 'praise'
  | 'ack'
  | 'reaction'
  | 'unsure'
  | 'aside'
  | 'privacy';

/** Lower case, no apostrophes ("i'm" = "im"), spaces collapsed, end punctuation and emoji dropped. */
function normalize(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/['’‘`]/g, '')
      // Emoji and a run of punctuation around the words ("💀 same", "lol!!!1!1", "哈哈🤷‍♀️") say how,
      // not what: flags, skin tones, joiners and keycap marks with them.
      .replace(
        /(?:[\s.!?,;:~*…。！？；：～\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\uFE0F\u200d\u20e3]|[#*\d]\uFE0F?\u20e3|(?<=!)1)+$/u,
        '',
      )
      .replace(
        /^(?:[\s.,!?…。，！？\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\uFE0F\u200d]|[#*\d]\uFE0F?\u20e3)+/u,
        '',
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Chinese reads its spaces as pauses: "我好难过啊 感冒一周了" is two clauses. */
const toClauses = (text: string): string => text.replace(/\s+/g, '，');

/**
 * Keyboard mash: a run along one keyboard row ("asdf", "qwerty", "jkl"), one letter or a pair
 * repeated ("aaaa", "jkjkjk"), or a word of six letters or more with no vowel ("gfhdjsk"). Names
 * are not caught: "Xiomara", "Brynn", "Nguyen" all have a vowel or are short.
 */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function isMash(text: string): boolean {
  if (!/^[a-z;\s]{3,40}$/.test(text)) return false;
  return text.split(' ').every((word) => {
    if (/^(.)\1{3,}$/.test(word) || /^(..)\1{2,}$/.test(word)) return true;
    if (word.length >= 6 && !/[aeiouy]/.test(word)) return true;
    // Four or more letters in a row along one keyboard row, in either direction.
    let run = 1;
    for (let i = 1; i < word.length; i++) {
      const row = ROWS.find((r) => r.includes(word[i - 1]!));
      const a = row?.indexOf(word[i - 1]!) ?? -1;
      const b = row?.indexOf(word[i]!) ?? -1;
      run = b >= 0 && Math.abs(a - b) <= 1 && a !== b ? run + 1 : 1;
      if (run >= 4) return true;
    }
    return false;
  });
}

/** The longest turn read as talk, in UTF-16 units ("I feel rather lonely since my husband passed away" is 50). */
const MAX_TALK = 120;

let lastText: string | undefined;
let lastKind: TalkKind | undefined;

/**
 * How a turn talks, when the whole of it is talk (English or Chinese, whatever the turn's language).
 * @param text the user's turn as typed
 * @returns the kind, or `undefined` for a turn that asks or answers something
 */
export function readTalk(text: string): TalkKind | undefined {
  // The decision and the slot extractors read the same turn: one memo entry.
  if (text === lastText) return lastKind;
  // Talk is short; a long turn is something else, and the grammars need not look at it.
  if (text.length > MAX_TALK) return undefined;
  const said = normalize(text);
  const zh = toClauses(said);
  let kind: TalkKind | undefined;
  if (said === '') kind = undefined;
  else if (enTalk.privacy(said) || zhTalk.privacy(zh)) kind = 'privacy';
  else if (enTalk.aside(said) || zhTalk.aside(zh)) kind = 'aside';
  else if (enTalk.insult(said) || zhTalk.insult(zh)) kind = 'insult';
  else if (enTalk.praise(said) || zhTalk.praise(zh)) kind = 'praise';
  else if (enTalk.ack(said) || zhTalk.ack(zh)) kind = 'ack';
  else kind = (enTalk.feeling(said) ?? zhTalk.feeling(zh)) as TalkKind | undefined;
  if (kind === undefined && (enTalk.unsure(said) || zhTalk.unsure(zh))) kind = 'unsure';
  if (kind === undefined && (enTalk.reaction(said) || zhTalk.reaction(zh) || isMash(said))) kind = 'reaction';
  lastText = text;
  lastKind = kind;
  return kind;
}

/**
 * `true` for a feeling, an insult or praise: talk to answer kindly, never a request, an answer or a cancel.
 * @param kind what {@link readTalk} said
 */
export function isFeelingOrInsult(kind: TalkKind | undefined): boolean {
  return kind !== undefined && kind !== 'reaction' && kind !== 'unsure' && kind !== 'aside' && kind !== 'ack';
}

/**
 * `true` when a turn opens with not knowing and then says more ("idk however long eggs take", "not
 * sure, long enough for rice", "不知道，你看着办吧"): its first clause, or the first one to three words
 * of it, read as {@link readTalk}'s `unsure`.
 * @param text the user's turn as typed
 */
export function opensUnsure(text: string): boolean {
  const clause = normalize(text)
    .split(/[,，。.!?？！;；]/u)[0]!
    .trim();
  if (clause === '') return false;
  const words = clause.split(' ');
  const heads = [clause, ...[1, 2, 3].filter((n) => n < words.length).map((n) => words.slice(0, n).join(' '))];
  return heads.some((head) => enTalk.unsure(head) || zhTalk.unsure(toClauses(head)));
}
