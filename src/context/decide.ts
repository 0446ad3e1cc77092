/**
 * Turns the context model's outputs into a dialogue action. The model decides; the only rules
 * here are the guards that must hold whatever it says (issue 15): a command that needs something
 * the state does not have (a fill without a question, a yes without a confirmation, a follow-up
 * without a task, a follow-up or correction that gives the task nothing new to redo it with, a
 * cancel with nothing open or nothing besides the model naming it, a new task no evidence outside
 * the model points to) is not taken and the next most likely command is; and the switch head, when the
 * conversation has a task, weighs the commands that carry it on (a fill, a correction, a follow-up, a
 * yes or no, a request to the same skill) against those that leave it (another skill, out of scope).
 * Besides: a request of another skill is no answer to a slot that refuses the turn (`asksElsewhere`),
 * "no, keep it" right after a stop takes the stop back (`keepsWhatWasCancelled`), and a turn that only
 * asks to hear the last reply again runs nothing anew (`hearsAgain`). Confirmation of consequential
 * skills and re-asking an unparseable answer are guards of the dialogue manager itself
 * (`run-task.ts`, `perform.ts`), so they hold for any policy.
 *
 * @module
 */
import type { DialogueAction, DialogueState } from '../dialogue/types.ts';
import { isFeelingOrInsult, opensUnsure, readTalk } from '../lang/talk.ts';
import {
  againZh,
  answersConfirmZh,
  asksBackZh,
  asksOnlyTimeLeftZh,
  asksTimeLeftZh,
  asksWhatWasSetZh,
  dropsZh,
  readsListZh,
  requestIntentZh,
  notFunnyZh,
  stopsZh,
  thanksZh,
  asksToHearAgainZh,
  keepsItZh,
} from '../lang/zh/zh-turn-words.ts';
import { saysTimeShiftZh } from '../lang/zh/zh-time-shift.ts';
import {
  BARE_NUMBER,
  onlyTimeWords,
  remarksOnSkillThing,
  saysOwnNews,
  saysKeepIt,
  saysRemark,
  saysStop,
  saysTakeBack,
  statesRemark,
} from '../lang/en/en-turn-words.ts';
import { saysOwnNewsZh } from '../lang/zh/zh-remarks.ts';
import {
  asksAgain,
  asksToCall,
  asksToHearAgain,
  asksWhatYouDo,
  asksIfDone,
  convertsUnits,
  countsDownTo,
  dropsIt,
  notFunny,
  pausesOrResumes,
  readsBack,
  saysThanks,
  simplifyTurn,
} from '../lang/en/en-turn-acts.ts';
import {
  CANDIDATE_FEATURES,
  COMMANDS,
  SLOT_FEATURES,
  STATE_FEATURES,
  type TurnFeatures,
  type DialogueCommand,
} from './dialogue-features.ts';

/** What the context model returns for one turn (softmaxes already masked to the real candidates). */
export interface ContextOutputs {
  /** Probabilities of {@link COMMANDS}, in order. */
  command: ArrayLike<number>;
  /** Probability that the turn leaves the active task for another. */
  switch: number;
  /** Probability of each candidate intent. */
  intent: ArrayLike<number>;
  /** Probability of each slot candidate. */
  slot: ArrayLike<number>;
}

/** The decision and why, for `eval-dialogues --verbose` and debugging. */
export interface ContextDecision {
  action: DialogueAction;
  command: DialogueCommand;
  /** Probability of each command, by name. */
  commands: Record<DialogueCommand, number>;
  switch: number;
  /** The best candidates with their probabilities, highest first. */
  intents: { intent: string; score: number }[];
  /** The slot candidates with their probabilities. */
  slots: { slot: string; score: number }[];
}

/** Commands that carry the active task on (weighed by 1 − switch when a task is active). */
const CARRY: ReadonlySet<DialogueCommand> = new Set(['fill_slot', 'correct_slot', 'follow_up', 'confirm', 'deny']);

function argmax(values: ArrayLike<number>, allowed: (i: number) => boolean = () => true): number {
  let best = -1;
  for (let i = 0; i < values.length; i++)
    if (allowed(i) && (best < 0 || (values[i] as number) > (values[best] as number))) best = i;
  return best;
}

const S_ANSWER = SLOT_FEATURES.indexOf('value_answer');
const S_STRICT = SLOT_FEATURES.indexOf('value_strict');
const S_TEXT = SLOT_FEATURES.indexOf('kind_text');
const C_TOP3 = CANDIDATE_FEATURES.indexOf('model_top3');
const CUE_FOLLOW_UP = STATE_FEATURES.indexOf('cue_follow_up');
const CUE_CORRECTION = STATE_FEATURES.indexOf('cue_correction');
const CUE_CANCEL = STATE_FEATURES.indexOf('cue_cancel');
const CUE_NO = STATE_FEATURES.indexOf('cue_no');

/**
 * `true` when something besides the context model speaks for dropping what is open: a cancel or
 * "no" word of the language pack ("never mind", "算了", "nah"), or `cancel` among the intent model's
 * three best. A bare answer the intent model misreads ("Bob" as make_call, after "What should I call
 * you?") is then never taken for a cancel.
 */
function cancelNamed(f: TurnFeatures): boolean {
  if ((f.state[CUE_CANCEL] ?? 0) > 0 || (f.state[CUE_NO] ?? 0) > 0) return true;
  return f.candidates.some((c) => c.intent === 'cancel' && (c.feats[C_TOP3] ?? 0) > 0);
}

/**
 * `true` when the turn gives the task something to redo it with: a value for one of its slots (read
 * strictly, or an entity of a non-text slot's kind), a follow-up or correction opener ("and …?",
 * "no, I meant …"), or the intent model's reading as a request to the task's skill. Without it, a
 * follow-up or a correction would redo the task unchanged: "lol" after a timer would start a second
 * timer, "啊啊啊" after adding milk would add "啊啊啊".
 */
function givesTaskSomething(state: DialogueState, f: TurnFeatures): boolean {
  if ((f.state[CUE_FOLLOW_UP] ?? 0) > 0 || (f.state[CUE_CORRECTION] ?? 0) > 0) return true;
  // The intent model reads the turn as one of the task's skill's requests ("香蕉也要" after adding milk).
  const skillId = state.task?.skillId;
  if (f.candidates.some((c) => c.skill?.id === skillId && (c.feats[C_TOP3] ?? 0) > 0)) return true;
  return f.slots.some(
    (s) => (s.feats[S_STRICT] ?? 0) > 0 || ((s.feats[S_TEXT] ?? 0) === 0 && (s.feats[S_ANSWER] ?? 0) > 0),
  );
}

/**
 * `true` when a Chinese turn moves the time the task holds (an alarm's, a reminder's): "往后挪十分钟",
 * "提前半小时", "推迟一天", "改到周日同一时间", or a correction ("改到后天", "不对，八点") that the
 * intent model reads as a request to the task's own skill. The intent model takes "往后挪十分钟" for
 * a new timer and "改到后天" for a new reminder; the conversation says the set time changes.
 */
function movesTaskTime(state: DialogueState, f: TurnFeatures, best: number): boolean {
  const task = state.task;
  if (task === undefined || !/\p{Script=Han}/u.test(f.utterance)) return false;
  const timed = f.slots.some(
    (s) => (s.slot.kind === 'time' || s.slot.kind === 'datetime') && task.slots[s.slot.name] !== undefined,
  );
  if (!timed) return false;
  if (saysTimeShiftZh(f.utterance)) return true;
  const own = best >= 0 && f.candidates[best]!.skill?.id === task.skillId;
  return own && (f.state[CUE_CORRECTION] ?? 0) > 0;
}

const S_PENDING = SLOT_FEATURES.indexOf('pending');
const C_SLOTS_FOUND = CANDIDATE_FEATURES.indexOf('slots_found');
const C_TOP1 = CANDIDATE_FEATURES.indexOf('model_top1');
const C_SLOTS_SHARE = CANDIDATE_FEATURES.indexOf('slots_found_share');
/** Words by which a short English turn speaks for itself rather than answering (a question, a reaction, a switch). */
const OWN_WORDS =
  /^(?:what|whats|what's|wat|how|hows|how's|who|why|when|where|which|can|could|would|will|is|are|do|does|did|tell|show|set|hold on|hang on|wait|actually|btw|by the way|quick question|ugh+|honestly|i|im|i'm|i've|ive|i'd|id|we|we're|it|it's|its|that|that's|thats|this|you|u|ur|you're|feeling|so)\b|\b(?:i feel|feel(?:ing)?|tired|sad|lonely|bored|stressed|happy|upset)\b|\?\s*$|\b(?:thanks?|thank you|thx|ty|ok|okay|k|yes|yeah|yep|yup|sure|no|nope|nah|hi|hello|hey|bye|goodbye|lol|lmao|haha+|hmm+|huh|sorry|stop|cancel|never ?mind|nvm|forget it|idk|dunno|wow|omg|cool|nice|great|awesome)\b/i;

/** A short English turn with no words of its own (see {@link OWN_WORDS}). */
function bareEnglish(utterance: string): boolean {
  if (!/^[\p{Script=Latin}\d\s'’.,!-]+$/u.test(utterance)) return false;
  const said = utterance.trim().replace(/^(?:(?:oh|um+|uh+|er+|well|and|but|also|then|right)[\s,]+)+/i, '');
  return utterance.trim().split(/\s+/).length <= 8 && !OWN_WORDS.test(said);
}

/**
 * The Chinese words by which a short turn speaks for itself: a question (particles and question
 * words), a pronoun-led statement, a reaction, thanks, yes/no, a cancel or a switch opener.
 */
const ZH_OWN_WORDS =
  /[吗呢吧嘛啊呀哦哈嗯么？?乜咩]|什么|怎么|为什么|几|哪|谁|多少|边啲|边个|边度|点样|点解|是不是|能不能|可不可以|有没有|^(?:我|你|他|她|它|这|那|等|先|讲|说|设|定|开|关|查|放|播|帮|给我|给你|来|算了|不用|不要|不对|不是|取消|停|别|好|行|对|是的|没|谢|再见|拜拜|你好|早|晚安|其实|对了|顺便)|难过|伤心|开心|累|烦|无聊|孤独/u;

/**
 * What an answer may open with before the value ("哦对 去银行办卡", "哦想起来了，去邮局寄包裹",
 * "是关于周末给我妈过生日的事", "就是那个，去幼儿园接仔"): remembering, not words of its own.
 */
const ZH_ANSWER_OPENER =
  /^(?:(?:哦+|噢+|嗯+|啊)?[，,\s]*(?:对了|对|想起来了|我想起来了)|是关于|关于|就是(?:那个|这个)?|(?:那个|这个)(?=[，,、\s]))[，,、\s]*/u;

/** A short Chinese turn (at most 12 Han characters, nothing else, after an opener) with no words of its own. */
function bareChinese(utterance: string): boolean {
  const said = utterance
    .trim()
    .replace(/[。！!，,\s]+$/u, '')
    .replace(ZH_ANSWER_OPENER, '');
  return /^[\p{Script=Han}·]{1,12}$/u.test(said) && !ZH_OWN_WORDS.test(said);
}

/**
 * `true` when a turn (English or Chinese) is a bare answer to the free-text slot asked ("call mom" after "What
 * should I remind you about?", "Marguerite" after "What should I call you?"): the slot's extractor
 * reads a value from it as an answer, it is short, it has no words of its own (a question, a
 * reaction, a cancel or switch opener, the cue words), and it is no other skill's complete request
 * (a skill the intent model ranks in its three best with slot values its own extractors read in the
 * turn: "call me Bob" names the user, but the slot tagger's guess of a name in "call zhang wei" is
 * no request). The intent model's confident reading of such words (make_call, yes, a name change) is
 * then not followed: the question is answered.
 */
function answersFreeText(state: DialogueState, f: TurnFeatures): boolean {
  if (state.pending?.type !== 'slot') return false;
  const han = bareChinese(f.utterance);
  if (!han && !bareEnglish(f.utterance)) return false;
  if ([CUE_CANCEL, CUE_NO, CUE_FOLLOW_UP, CUE_CORRECTION].some((i) => (f.state[i] ?? 0) > 0)) return false;
  const asked = f.slots.find((s) => (s.feats[S_PENDING] ?? 0) > 0);
  if (asked === undefined || (asked.feats[S_TEXT] ?? 0) === 0 || (asked.feats[S_ANSWER] ?? 0) === 0) return false;
  const skillId = state.task?.skillId;
  // A Chinese request needs no slot value to be complete ("讲个笑话", "设个闹钟" name no value), and
  // Chinese has no word boundaries for a list of openers to catch: there, another skill among the
  // intent model's three best keeps the turn from being taken as the answer when it is the model's
  // first choice or finds values for its slots in the turn; a skill ranked behind that reads nothing
  // in it ("去银行办养老金认证" has reminder_update behind todo_list_update) does not.
  return !f.candidates.some(
    (c) =>
      c.skill !== undefined &&
      c.skill.id !== skillId &&
      (c.feats[C_TOP3] ?? 0) > 0 &&
      ((han && (c.feats[C_TOP1] ?? 0) > 0) || c.ruleSlots),
  );
}

/**
 * Talk is not a task (`src/lang/talk.ts`), whatever the model reads in it: a feeling or an insult
 * or praise ("i feel sad", "你好笨", "youre the best", read as a greeting or what_is_your_name) is out
 * of scope, and so are taking note ("got it", "知道了", except as a yes to a confirmation), an aside
 * ("one sec", "我想想") and, while something is open, a reaction ("lol", "哈哈", keyboard mash;
 * unless a cancel word or the intent model names a cancel): the open question stays open (the
 * dialogue sets label them `oos`). Not knowing ("idk", "随便") while a slot is asked answers it
 * with nothing: it is asked again. None of them fills a slot with its words or drops the question.
 */
function talkCommand(command: DialogueCommand, state: DialogueState, f: TurnFeatures): DialogueCommand {
  const talk = readTalk(f.utterance);
  if (talk === undefined) return command;
  if (isFeelingOrInsult(talk)) return 'out_of_scope';
  // "ok two minutes then" answers "For how long?", though it reads like "give me two minutes".
  if (talk === 'aside' && command === 'fill_slot' && answersClockOrLength(state, f)) return command;
  // "got it", "知道了" say yes to a confirmation; anywhere else they only take note.
  if (talk === 'ack') return state.pending?.type === 'confirm' ? command : 'out_of_scope';
  // A reaction with nothing open ("same 😂", "nice!!!", "天哪！！") asks for nothing either, whatever
  // the intent model reads into its one word (change_user_name, date, calculator).
  if (state.pending === undefined) return talk === 'aside' || talk === 'reaction' ? 'out_of_scope' : command;
  if (talk === 'unsure') return state.pending.type === 'slot' && f.slots.length > 0 ? 'fill_slot' : command;
  return talk === 'reaction' && command === 'cancel' ? command : 'out_of_scope';
}

const S_FITS = SLOT_FEATURES.indexOf('entity_fits');
const S_WHEN = SLOT_FEATURES.indexOf('kind_datetime');
const S_LENGTH = SLOT_FEATURES.indexOf('kind_duration');

/**
 * `true` when a short English turn answers the pending time or length question with what it asks for
 * ("quarter to 7", "7", "half 8", "an hour and a half" after "For what time?" / "For how long?"): time words
 * only, no cue, an entity of the slot's kind (or a bare number for a time). The intent model's
 * reading of such words (calculator for "7", conversion for "90 secs") is then not followed.
 */
function answersClockOrLength(state: DialogueState, f: TurnFeatures): boolean {
  if (state.pending?.type !== 'slot' || !onlyTimeWords(f.utterance)) return false;
  if ([CUE_CANCEL, CUE_NO, CUE_FOLLOW_UP, CUE_CORRECTION].some((i) => (f.state[i] ?? 0) > 0)) return false;
  const asked = f.slots.find((s) => (s.feats[S_PENDING] ?? 0) > 0);
  if (asked === undefined) return false;
  const when = (asked.feats[S_WHEN] ?? 0) > 0;
  if (!when && (asked.feats[S_LENGTH] ?? 0) === 0) return false;
  return (asked.feats[S_FITS] ?? 0) > 0 || (when && BARE_NUMBER.test(f.utterance));
}

/**
 * `true` when an English turn is a remark that reuses a skill's words without asking for anything
 * ("my timer app crashed", "my alarm didnt go off this morning", "who invented the alarm clock",
 * "i hate making lists"): remark words, no request words, and no value for the skill's slots (or a
 * statement naming no number: "the alarm in my building keeps going off at night"). It starts no
 * task of that skill, whatever the intent model makes of its nouns.
 */
function remarkAbout(f: TurnFeatures, k: number): boolean {
  const c = f.candidates[k];
  if (c === undefined) return false;
  // An intent no skill serves is still no reading of a remark about an alarm or a list.
  if (c.skill === undefined) return remarksOnSkillThing(f.utterance);
  // A value read for the skill's slots makes it a request, unless the remark is a statement naming
  // no number: "this morning" in "my alarm didnt go off this morning" is when it happened.
  return (c.feats[C_SLOTS_FOUND] ?? 0) > 0 ? statesRemark(f.utterance) : saysRemark(f.utterance);
}

/**
 * `true` when an English turn takes back a value of the task and gives the new one ("ugh no 6:30 i
 * mean" after an alarm at 6, "no 7:20 i need the extra sleep"): a take-back word and a value of one
 * of the task's time, length or number slots, read strictly from an entity of its kind. Such a turn
 * corrects the task, never is out of scope.
 */
function takesBack(state: DialogueState, f: TurnFeatures): boolean {
  if (state.task === undefined || !saysTakeBack(f.utterance)) return false;
  return f.slots.some(
    (s) => (s.feats[S_TEXT] ?? 0) === 0 && (s.feats[S_STRICT] ?? 0) > 0 && (s.feats[S_FITS] ?? 0) > 0,
  );
}

const S_NUMBER = SLOT_FEATURES.indexOf('kind_number');
const S_VALID = SLOT_FEATURES.indexOf('value_valid');

/**
 * `true` when the turn can be the answer to the slot asked. A typed slot (a length, a time or date, a
 * number) is answered by a value of its kind: a first-person statement with none ("i just burned my
 * toast", "我刚把牛奶洒了" after "For how long?") tells what is going on, it is no answer that failed, so
 * it is out of scope and the question stays open. Still answers (asked again when no value can be read,
 * as the dialogue sets expect): any other turn ("elephant", "whenever lol", "as long as the pasta
 * needs"), and not knowing ("idk however long eggs take", `talkCommand`). A free-text slot takes any
 * words (`answersFreeText` and the slot's extractor judge those).
 */
function answersAsked(state: DialogueState, f: TurnFeatures): boolean {
  if (state.pending?.type !== 'slot' || f.slots.length === 0) return false;
  const asked = f.slots.find((s) => (s.feats[S_PENDING] ?? 0) > 0);
  if (asked === undefined || ![S_NUMBER, S_LENGTH, S_WHEN].some((i) => (asked.feats[i] ?? 0) > 0)) return true;
  if ([S_ANSWER, S_STRICT, S_VALID, S_FITS].some((i) => (asked.feats[i] ?? 0) > 0)) return true;
  return !(saysOwnNews(f.utterance) || saysOwnNewsZh(f.utterance)) || opensUnsure(f.utterance);
}

const C_FITS = CANDIDATE_FEATURES.indexOf('entity_fits');
/** Tasks that leave something running or set, which a stop word with nothing asked stops. */
const STOPPABLE: ReadonlySet<string> = new Set(['timer', 'alarm', 'reminder', 'reminder_update']);
/** Commands a Chinese request read by its words does not overrule: they answer what is open. */
const ANSWERS: ReadonlySet<DialogueCommand> = new Set(['cancel', 'confirm', 'deny']);

/** Intents of things with a time left besides a timer: "还剩多久" after them is asked of them. */
const TIMED: ReadonlySet<string> = new Set(['alarm', 'reminder', 'reminder_update', 'date']);

/** Intents a "再来一个" does again: what a request gives at once, with nothing to fill. */
const AGAIN_INTENTS: ReadonlySet<string> = new Set(['tell_joke', 'fun_fact', 'flip_coin', 'roll_dice']);

/**
 * The intent a Chinese turn asks for in the conversation it is said in: the same again after a joke or a coin ("换一个
 * 这个太冷了", "三局两胜 再来"), a reading of the list being worked on ("那清单上现在应该什么都没有了吧"
 * after clearing it, read by the intent model as yes), and the time left of the timer set ("米饭那个
 * 还剩多少时间").
 */
function conversationIntentZh(state: DialogueState, text: string): string | undefined {
  const acts = state.acts ?? [];
  // The last thing done, past a remark or two ("一点都不好笑 你好笨" between a joke and "换一个").
  const last = acts
    .slice(-3)
    .map((a) => a.intent)
    .filter((i) => i !== null)
    .pop();
  if (last !== undefined && AGAIN_INTENTS.has(last) && againZh(text)) return last;
  const list = readsListZh(text);
  if (list === 'todo' || list === 'shopping') return `${list}_list`;
  // "list里还剩什么了": the list the conversation worked on last (with none, the intent model's reading stands).
  if (list === 'either') {
    const worked = [state.task?.intent, ...acts.map((a) => a.intent).reverse()].find(
      (i) => i != null && /^(?:todo|shopping)_list/.test(i),
    );
    if (worked !== undefined && worked !== null) return worked.startsWith('todo') ? 'todo_list' : 'shopping_list';
  }
  const timers = state.task?.intent === 'timer' || acts.some((a) => a.intent === 'timer');
  // "还剩多久", and "刚才设的啥来着" (what was set, read by the intent model as repeat).
  if (timers && (asksTimeLeftZh(text) || asksWhatWasSetZh(text))) return 'timer';
  // "还剩多久？" alone, with nothing else in the conversation that has a time left (an alarm, a
  // reminder, a day asked about): the timers are asked about, even none (said first, after a reload).
  const timed = [state.task?.intent, ...acts.map((a) => a.intent)].some((i) => i != null && TIMED.has(i));
  return !timed && asksOnlyTimeLeftZh(text) ? 'timer' : undefined;
}

/**
 * The candidate a Chinese turn asks for by its words (`src/lang/zh/zh-turn-words.ts`: "元旦是哪天" and
 * "距离春节还有几天" ask the date skill, read by the intent model as payday or pto_balance; "我叫啥来着"
 * asks the user's name, "你现在叫啥" the assistant's), or -1. A day question counts only with a date
 * in the turn for the date skill to read. It is started unless the turn answers a confirmation or
 * cancels, or already goes to that intent.
 */
function requestedZh(state: DialogueState, f: TurnFeatures, command: DialogueCommand, best: number): number {
  // "停下来吧", "cancel掉吧", "行了停吧" with nothing asked stop what the conversation set: the task's
  // skill's, which stops it, even when the model reads a cancel (a cancel only drops the task: the
  // timer would ring on).
  const task = state.task;
  const stops = task !== undefined && state.pending === undefined && STOPPABLE.has(task.intent) && stopsZh(f.utterance);
  if (ANSWERS.has(command) && !(stops && command === 'cancel')) return -1;
  const hasDate = f.candidates.some((c) => c.intent === 'date' && c.skill !== undefined && (c.feats[C_FITS] ?? 0) > 0);
  const intent =
    requestIntentZh(f.utterance, hasDate) ??
    (stops ? task.intent : undefined) ??
    conversationIntentZh(state, f.utterance);
  if (intent === undefined) return -1;
  // Already the request the words ask for; out of scope it is not ("米饭那个还剩多少时间" read as timer, then dropped).
  if (f.candidates[best]?.intent === intent && command !== 'out_of_scope' && command !== 'cancel') return -1;
  // A stop goes to the task's skill, whichever of its intents the model reads ("那个拿报告的取消吧" as reminder).
  if (stops && command !== 'cancel' && intent === task.intent && f.candidates[best]?.skill?.id === task.skillId)
    return -1;
  if (!stops && state.task?.intent === intent && CARRY.has(command)) return -1;
  return f.candidates.findIndex((c) => c.intent === intent);
}

/**
 * What a Chinese turn's words settle whatever the model reads (`src/lang/zh/zh-turn-words.ts`): a
 * loose yes or no to a confirmation ("嗯 清吧 都买完了", "等等 别 还没买呢": a no word never
 * clears a list), a drop of the question asked with its reason ("哎 还是不弄了 我手机自己有"),
 * and the requests of {@link requestedZh}. `k` is the candidate to start, or -1.
 */
function zhCommand(
  command: DialogueCommand,
  state: DialogueState,
  f: TurnFeatures,
  best: number,
): { command: DialogueCommand; k: number } {
  if (!/\p{Script=Han}/u.test(f.utterance)) return { command, k: -1 };
  if (state.pending?.type === 'confirm') {
    const answer = answersConfirmZh(f.utterance);
    if (answer !== undefined) return { command: answer === 'yes' ? 'confirm' : 'deny', k: -1 };
    // "对吧", "是吧？", "好了好了" confirm nothing, whatever the model reads: the confirmation stays open.
    if (asksBackZh(f.utterance)) return { command: 'out_of_scope', k: -1 };
  }
  if (state.pending?.type === 'slot' && command !== 'cancel' && dropsZh(f.utterance))
    return { command: 'cancel', k: -1 };
  // Thanks with words around it ("好滴3q", "好，谢谢，我这就去菜市场") is small talk, not out of scope;
  // a request said with thanks ("倒计时15分钟，谢谢") stays the request the model read.
  const yesOrNo = f.candidates[best]?.intent === 'yes' || f.candidates[best]?.intent === 'no';
  const remark = command === 'out_of_scope' || yesOrNo;
  const thanks = remark && state.pending?.type !== 'confirm' ? thanksZh(f.utterance) : undefined;
  if (thanks !== undefined) {
    const intent = thanks === 'bye' ? 'goodbye' : 'thank_you';
    const t = f.candidates.findIndex((c) => c.skill !== undefined && c.intent === intent);
    if (t >= 0) return { command: 'small_talk', k: t };
  }
  const k = requestedZh(state, f, command, best);
  if (k >= 0) return { command: 'start_task', k };
  // "一点都不好笑" after a joke is a reaction, not a request for one.
  if (state.pending === undefined && notFunnyZh(f.utterance)) return { command: 'out_of_scope', k: -1 };
  // A yes with nothing asked ("好的" after a timer, "嗯嗯 对的") keeps the acknowledgement it gets.
  return { command, k: -1 };
}

/** Acts of the last turns that did something a skill can do again ("again" after a coin flip). */
const DONE: ReadonlySet<string> = new Set(['new-intent', 'follow-up', 'correction', 'fill-slot']);
/** The skills that keep something a user can ask about afterwards ("did it go through?", "what time was that for"). */
export const KEEPS_SOMETHING: ReadonlySet<string> = new Set([
  'builtin.timer',
  'builtin.alarm',
  'builtin.reminders',
  'builtin.shopping-list',
  'builtin.todo-list',
]);

/**
 * What an English turn does by its whole wording (`src/lang/en/en-turn-acts.ts`), when the intent
 * model misreads its words: thanks ("perfect ta" is no recipe, "thx ur the best fr" no mere
 * praise) is small talk; a read-back by pronoun ("whats on there now") asks the skill the
 * conversation is about; a loose drop with something open ("nvm ill just use my phone") cancels
 * it, or says no to a confirmation; "again" / "best 2 outta 3" asks the last skill acted on once
 * more; a countdown to a day the date skill reads ("how long till christmas") is a date question; a
 * conversion said in full ("100 km/h in mph for the rental car") is a conversion;
 * "ring my sister" with no question open asks for a call (no skill: said honestly, even when the intent model did not
 * rank `make_call`); "remind me what you can do" asks what the assistant does; "not funny at all"
 * is a reaction, no request. Returns the command and the candidate it acts on (or, with `k` -1,
 * the intent no skill answers), or `undefined` to keep the decision.
 */
function englishAct(
  state: DialogueState,
  f: TurnFeatures,
  out: ContextOutputs,
): { command: DialogueCommand; k: number; intent?: string } | undefined {
  if (f.utterance.length > 120 || !/^[\p{Script=Latin}\d\s\p{P}\p{S}]+$/u.test(f.utterance)) return undefined;
  const said = simplifyTurn(f.utterance);
  const find = (ok: (c: TurnFeatures['candidates'][number]) => boolean): number => {
    const allowed = (i: number) => ok(f.candidates[i]!);
    return argmax(out.intent, allowed);
  };
  const thanks = saysThanks(said);
  if (thanks !== undefined) {
    if (state.pending?.type === 'confirm') return undefined;
    const k = find((c) => c.skill !== undefined && c.intent === (thanks === 'bye' ? 'goodbye' : 'thank_you'));
    return k < 0 ? undefined : { command: 'small_talk', k };
  }
  // With a question open, "call the dentist" is the answer (a reminder's task), not a call.
  if (state.pending === undefined && asksToCall(said)) {
    const k = find((c) => c.intent === 'make_call');
    return { command: 'start_task', k, intent: 'make_call' };
  }
  if (asksWhatYouDo(said)) {
    const k = find((c) => c.skill !== undefined && c.intent === 'what_can_i_ask_you');
    return k < 0 ? undefined : { command: 'small_talk', k };
  }
  if (notFunny(said)) return { command: 'out_of_scope', k: -1 };
  if ((state.task !== undefined || state.pending !== undefined) && dropsIt(said))
    return { command: state.pending?.type === 'confirm' ? 'deny' : 'cancel', k: -1 };
  const last = state.acts?.filter((a) => a.skillId !== undefined && a.intent !== null && DONE.has(a.action)).at(-1);
  // "did it go through?" is read back only where something is kept; after a spelling or a coin flip it is
  // "say that again" (the model's repeat), and after a joke told since the timer it is not about the timer.
  const lastAct = state.acts?.at(-1);
  const doneAsked =
    asksIfDone(said) && KEEPS_SOMETHING.has((lastAct === undefined ? state.task?.skillId : lastAct.skillId) ?? '');
  if (readsBack(said) || doneAsked) {
    const skillId = state.task?.skillId ?? last?.skillId;
    const k = skillId === undefined ? -1 : find((c) => c.skill?.id === skillId);
    return k < 0 ? undefined : { command: 'start_task', k };
  }
  // "pause it, phone call came in", "ok carry on now" with a timer going: the timer skill answers
  // (it says what it can do), whatever the intent model makes of the call or of "carry on".
  if ((state.task?.skillId ?? last?.skillId) === 'builtin.timer' && pausesOrResumes(said)) {
    const k = find((c) => c.skill?.id === 'builtin.timer');
    return k < 0 ? undefined : { command: 'start_task', k };
  }
  if (state.pending === undefined && last !== undefined && asksAgain(said)) {
    const k = find((c) => c.skill?.id === last.skillId && c.intent === last.intent);
    return k < 0 ? undefined : { command: 'start_task', k };
  }
  if (countsDownTo(said)) {
    const k = find((c) => c.skill !== undefined && c.intent === 'date' && (c.feats[C_SLOTS_FOUND] ?? 0) > 0);
    return k < 0 ? undefined : { command: 'start_task', k };
  }
  // Guard (holds whatever the model says): "100 km/h in mph for the rental car" is a conversion when the
  // conversion skill reads its amount and both units, whatever the talk after it names (a recipe, a hire
  // car, calories). Not while a question is open or a conversion goes on (the model's follow-up stands),
  // nor where the intent model already chose the conversion.
  if (state.pending === undefined && state.task?.intent !== 'measurement_conversion' && convertsUnits(said)) {
    const k = find(
      (c) =>
        c.skill !== undefined &&
        c.intent === 'measurement_conversion' &&
        (c.feats[C_SLOTS_SHARE] ?? 0) >= 1 &&
        (c.feats[C_TOP1] ?? 0) === 0,
    );
    return k < 0 ? undefined : { command: 'start_task', k };
  }
  return undefined;
}

/** `true` when the state lets the command be carried out. */
function possible(command: DialogueCommand, state: DialogueState, f: TurnFeatures, best: number): boolean {
  switch (command) {
    case 'fill_slot':
      return answersAsked(state, f);
    case 'confirm':
      return state.pending?.type === 'confirm';
    case 'deny':
      return state.pending !== undefined;
    case 'cancel':
      // Nothing open to cancel: "never mind" alone is the intent model's `cancel` request (start_task).
      return (state.task !== undefined || state.pending !== undefined) && cancelNamed(f);
    case 'correct_slot':
    case 'follow_up':
      return state.task !== undefined && f.slots.length > 0 && givesTaskSomething(state, f);
    case 'start_task':
    case 'small_talk':
      // A task starts only on an intent something besides the context model speaks for (the intent
      // model's three best or their skills, shared words, the conversation): keyboard mash never
      // starts a skill nothing else points to.
      return best >= 0 && f.candidates[best]!.evidence && !remarkAbout(f, best);
    default:
      return true;
  }
}

const C_NAME = CANDIDATE_FEATURES.indexOf('name_overlap');
const C_SCORE = CANDIDATE_FEATURES.indexOf('model_score');

/**
 * The candidate a turn asks for instead of answering the slot asked, or -1: the turn gives the slot
 * no value it accepts (its extractor reads none, or its `validate` refuses it: "also add eggs and
 * bread" has no numbers for "What should I calculate?"), and the intent model's in-scope first choice
 * is a request of another skill whose own extractors read a value in the turn (the items to add).
 * Such a turn is that request whatever the model says: as a fill it fails the slot's check, is asked
 * again, and the request is lost (use-r12 finding 1). `best` is the context model's first intent.
 */
function asksElsewhere(state: DialogueState, f: TurnFeatures, best: number): number {
  if (state.pending?.type !== 'slot') return -1;
  const asked = f.slots.find((s) => (s.feats[S_PENDING] ?? 0) > 0);
  if (asked === undefined || (asked.feats[S_VALID] ?? 0) > 0 || (asked.feats[S_STRICT] ?? 0) > 0) return -1;
  // The bare answers the decision reads itself ("7" for "What time?", "call mom" for a reminder's task).
  if (answersClockOrLength(state, f) || answersFreeText(state, f)) return -1;
  const skillId = state.task?.skillId;
  // A list's item extractor reads any words after "add"/"加上" ("just put 12 on it" to "For how long?"):
  // the skill's read value counts only with more for it, the skill acted on in the last turns, its name
  // in the turn ("…on the shopping list"), or the intent model sure of it.
  const recent = new Set((state.acts ?? []).map((a) => a.skillId));
  const other = (c: TurnFeatures['candidates'][number] | undefined): boolean =>
    c?.skill !== undefined &&
    c.skill.id !== skillId &&
    c.ruleSlots &&
    (recent.has(c.skill.id) || (c.feats[C_NAME] ?? 0) > 0 || (c.feats[C_SCORE] ?? 0) >= 0.9);
  const chosen = f.candidates.findIndex((c) => other(c) && c.modelChoice);
  // Which of another skill's requests is the context model's call when it reads one ("also add pears"
  // after a shopping-list add is that list's, though the intent model's first choice is the to-do list).
  return chosen < 0 ? -1 : other(f.candidates[best]) ? best : chosen;
}

/** The skills whose cancel keeps what it stopped for a correction (src/skills/builtin/cancel-undo.ts). */
const UNDOES_CANCEL: ReadonlySet<string> = new Set(['builtin.timer', 'builtin.alarm']);

/**
 * `true` when the turn takes back a stop the task's skill carried out on the turn before ("no, keep it",
 * "no wait, don't cancel it", "别取消", "不要取消" right after "cancel the timer"): a correction of that
 * task, whatever the models read (the intent model reads `cancel` in "别取消", the context model a
 * cancel, or a no with nothing asked). The skill puts back what it stopped, or, when it stopped
 * nothing, says what runs; it never stops anything more.
 */
function keepsWhatWasCancelled(state: DialogueState, f: TurnFeatures): boolean {
  const task = state.task;
  if (task === undefined || state.pending !== undefined || !UNDOES_CANCEL.has(task.skillId)) return false;
  const last = state.acts?.at(-1);
  // The policy sees the state with this turn counted: the turn before is `state.turn - 1`.
  if (last?.skillId !== task.skillId || last.turn !== state.turn - 1) return false;
  // The task's request was the stop ("no, keep it" after setting one keeps nothing back).
  if (!saysStop(task.text) && !stopsZh(task.text)) return false;
  return saysKeepIt(f.utterance) || keepsItZh(f.utterance);
}

/**
 * The `repeat` candidate when the turn only asks to hear the last reply again (its words, in English or
 * Chinese, and the intent model's own first choice) and the decision would act on another intent; else -1.
 */
function hearsAgain(f: TurnFeatures, command: DialogueCommand, k: number): number {
  if (command !== 'start_task' && command !== 'small_talk') return -1;
  const r = f.candidates.findIndex((c) => c.intent === 'repeat' && c.skill !== undefined && c.modelChoice);
  if (r < 0 || r === k) return -1;
  const said = f.utterance;
  return asksToHearAgain(simplifyTurn(said)) || asksToHearAgainZh(said) ? r : -1;
}

/**
 * Chooses the dialogue action for a turn from the model's outputs.
 * @param state the dialogue state the features were computed from
 * @param f the turn's features (candidates and slots, in the order the outputs follow)
 * @param out the model's outputs
 * @returns the action and the decision behind it
 */
export function decideAction(state: DialogueState, f: TurnFeatures, out: ContextOutputs): ContextDecision {
  const inContext = state.task !== undefined || state.pending !== undefined;
  const sw = Number.isFinite(out.switch) ? out.switch : 0.5;
  const best = argmax(out.intent);
  // A new request for the task's own skill ("how much time is left?") carries the task on.
  const bestCarries = best >= 0 && state.task !== undefined && f.candidates[best]!.skill?.id === state.task.skillId;
  const weighted = COMMANDS.map((c, i) => {
    const p = out.command[i] ?? 0;
    if (!inContext) return p;
    // A request for the task's own skill is a start whether the turn carries the task on or starts
    // it again ("where is my order 104233" once the last order was told): the switch does not count
    // against it, or a skill that asked once would lose its next requests to out-of-scope.
    if (c === 'start_task' && bestCarries) return p * Math.max(sw, 1 - sw);
    if (CARRY.has(c)) return p * (1 - sw);
    if (c === 'start_task' || c === 'out_of_scope') return p * sw;
    return p;
  });
  const top = COMMANDS[argmax(weighted)];
  // A new request nothing outside the model speaks for is out of scope, not the next best reading:
  // keyboard mash after a list turn is not a follow-up to the list either.
  const unfounded = (top === 'start_task' || top === 'small_talk') && !possible(top, state, f, best);
  const ci = unfounded ? -1 : argmax(weighted, (i) => possible(COMMANDS[i]!, state, f, best));
  let command = COMMANDS[ci] ?? 'out_of_scope';
  if (command !== 'fill_slot' && (answersFreeText(state, f) || answersClockOrLength(state, f))) command = 'fill_slot';
  if (command !== 'correct_slot' && movesTaskTime(state, f, best)) command = 'correct_slot';
  if (command === 'out_of_scope' && takesBack(state, f) && possible('correct_slot', state, f, best))
    command = 'correct_slot';
  // Out of context, scope is the intent model's calibrated decision: when it is in scope and both
  // models pick the same intent, the turn is that request (the context model has nothing to add).
  // (The intent model's first choice is evidence, so the start is possible.)
  if (command === 'out_of_scope' && !inContext && best >= 0 && f.candidates[best]!.modelChoice && !remarkAbout(f, best))
    command = 'start_task';
  command = talkCommand(command, state, f);
  // Each language's whole-turn reading: zhCommand reads only Chinese turns, englishAct only Latin ones.
  const zh = zhCommand(command, state, f, best);
  command = zh.command;
  const act = englishAct(state, f, out);
  if (act !== undefined) command = act.command;
  let asked = act !== undefined && act.k >= 0 ? act.k : zh.k;
  // Guard (holds whatever the model says): a new request of another skill is no answer the slot refuses.
  if (CARRY.has(command) && command !== 'confirm' && command !== 'deny') {
    const elsewhere = asksElsewhere(state, f, best);
    if (elsewhere >= 0) {
      command = 'start_task';
      asked = elsewhere;
    }
  }
  // Guard (holds whatever the model says): a turn that only asks to hear the last reply again, which the
  // intent model reads as `repeat`, never runs a skill anew ("say that again" after a joke told a new joke).
  const repeat = hearsAgain(f, command, asked >= 0 ? asked : best);
  if (repeat >= 0) {
    command = 'small_talk';
    asked = repeat;
  }
  // Guard (holds whatever the model says): "no, keep it" right after a cancel takes the cancel back.
  if (keepsWhatWasCancelled(state, f)) command = 'correct_slot';
  const confidence = out.command[COMMANDS.indexOf(command)] ?? 0;
  const task = state.task;
  let action: DialogueAction;
  switch (command) {
    case 'start_task':
    case 'small_talk': {
      const k = asked >= 0 ? asked : best;
      // A request no candidate carries (englishAct's `intent`): no skill answers it.
      if (asked < 0 && act?.intent !== undefined) {
        action = { type: 'unsupported', intent: act.intent, confidence };
        break;
      }
      const c = f.candidates[k]!;
      const score = confidence * (out.intent[k] ?? 0);
      action =
        c.skill === undefined
          ? { type: 'unsupported', intent: c.intent, confidence: score }
          : { type: 'new-intent', intent: c.intent, skillId: c.skill.id, confidence: score };
      break;
    }
    case 'fill_slot': {
      const pending = state.pending?.type === 'slot' ? state.pending.slot : undefined;
      const j = argmax(out.slot);
      // The question asked is the slot answered, unless the model is sure the answer fits another slot.
      const slot = j >= 0 && (out.slot[j] ?? 0) > 0.5 ? f.slots[j]!.slot.name : (pending ?? f.slots[0]!.slot.name);
      action = { type: 'fill-slot', intent: task!.intent, slot, confidence };
      break;
    }
    case 'correct_slot':
    case 'follow_up': {
      // The slots the turn names, or else the one the model says it changes.
      const named = f.slots.filter((s) => (s.feats[2] ?? 0) > 0).map((s) => s.slot.name);
      const j = argmax(out.slot);
      if (named.length === 0 && j >= 0) named.push(f.slots[j]!.slot.name);
      action = {
        type: command === 'correct_slot' ? 'correction' : 'follow-up',
        intent: task!.intent,
        slots: named,
        confidence,
      };
      break;
    }
    case 'cancel':
      action = { type: 'cancel', confidence };
      break;
    case 'confirm':
      action = { type: 'confirm', confidence };
      break;
    case 'deny':
      action = { type: 'deny', confidence };
      break;
    default:
      action = { type: 'out-of-scope', confidence };
  }
  const intents = f.candidates
    .map((c, k) => ({ intent: c.intent, score: out.intent[k] ?? 0 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  return {
    action,
    command,
    commands: Object.fromEntries(COMMANDS.map((c, i) => [c, out.command[i] ?? 0])) as Record<DialogueCommand, number>,
    switch: sw,
    intents,
    slots: f.slots.map((s, j) => ({ slot: s.slot.name, score: out.slot[j] ?? 0 })),
  };
}
