/**
 * Dialogue-act phrase banks for the simulator, in English and Simplified Chinese: the ways people
 * cancel, confirm, deny, answer, follow up and correct. Written here from everyday usage, never
 * copied from an evaluation set; variety matters more than any single phrasing, and the model is
 * meant to learn the act from the words and the dialogue state together.
 *
 * @module
 */

/** A language the simulator writes. */
export type SimLanguage = 'en' | 'zh';

/** Phrases per language. */
export type Bank = Record<SimLanguage, readonly string[]>;

/** The phrases of a `|`-separated list, trimmed, empty ones dropped. */
export const split = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** Dropping the open question or the task being set up. */
export const CANCEL: Bank = {
  en: split(
    'never mind|cancel|forget it|nevermind|forget about it|stop|no forget it|actually never mind|cancel that|' +
      "scratch that|don't bother|skip it|leave it|nah forget it|i changed my mind|oh never mind|drop it|not anymore|" +
      "ugh forget it|cancel please|no stop|abort|never mind that|let's not|i don't want to anymore|actually no, cancel|" +
      "forget i asked|nvm|just forget it|ok never mind then|quit|stop asking|no need|it's fine, never mind|" +
      "doesn't matter|not now|maybe later|cancel it|forget the whole thing|stop stop|no no cancel|never mind, thanks|" +
      "i'll do it myself|let's drop it|cancel the request|forget that|mm never mind|no it's ok|leave it for now|" +
      "don't worry about it|nah don't worry about it|no worries, forget it|nah i'm good|skip|nope never mind|" +
      "i'll pass|it's fine|actually don't|never mind i'll remember|eh forget it|no need, thanks|drop that|" +
      "changed my mind, forget it|let's skip that|not anymore thanks|ok forget it|no that's alright|" +
      // Said in other Englishes (round 12): Scots, Singapore, India, South Africa, Ireland.
      "och, leave it be|ach leave it|no need already lah|don't need lah|cancel lah|leave it yaar|no need yaar|" +
      'ag, leave it|ag no, forget it|just leave it, eh|sure leave it so|no bother, forget it|ach, no need',
  ),
  zh: split(
    '算了|不用了|取消|算了吧|不要了|取消吧|没事了|不用了谢谢|先不用了|别管了|停|停下|取消这个|我不要了|' +
      '还是算了|没关系，不用了|等会再说|以后再说|不需要了|忘了它吧|不要这个了|取消刚才的|哎算了|算了算了|当我没说|' +
      '不弄了|别弄了|先不设了|不设了|先这样吧|算了，不用麻烦了|不要了谢谢|取消掉|撤销|没事，不用了|nvm|算了不要了|' +
      '不想弄了|回头再说吧|改天吧|哎呀算了|先放着吧|' +
      // Cantonese (round 12): 唔使 / 唔要 / 冇需要 (no need), 冇事 (it's nothing).
      '唔使喇|唔使了，冇事|唔要喇|算啦 唔使|冇需要喇|唔使搞喇',
  ),
};

/** Stopping something running that the active task started (a timer, an alarm, music); `{noun}` is its name. */
export const STOP_RUNNING: Bank = {
  en: split(
    'cancel|stop|stop it|cancel it|turn it off|cancel the {noun}|stop the {noun}|kill the {noun}|cancel my {noun}|' +
      "cancel all my {noun}s|delete the {noun}|never mind, cancel it|i don't need the {noun} anymore|switch it off|" +
      'please cancel that|stop that {noun}|turn off the {noun}|get rid of the {noun}|cancel that {noun}|' +
      'actually cancel the {noun}|no cancel it|remove the {noun}|shut it off|clear the {noun}|cancel all of them|' +
      'stop them all|cancel both|cancel them|turn them all off|kill it|ok stop it|stop it now|no need for the {noun} anymore|' +
      "delete all my {noun}s|get rid of them|that's enough, stop it|cancel everything",
  ),
  zh: split(
    '取消|停|停止|关掉|取消{noun}|关掉{noun}|把{noun}取消|不要{noun}了|停掉{noun}|删除{noun}|取消所有{noun}|' +
      '全部取消|都取消|都取消掉|全都停掉|都关了吧|全部关掉|停掉吧|关了吧|不用了，停掉吧|把它关了|把{noun}关了|' +
      '{noun}不要了|别响了|{noun}停一下|两个都取消|全部删掉|不用{noun}了，关掉吧|' +
      // A stop with "enough" (round 12): the running thing stops, whatever else is said.
      '好了停吧|够了，停|可以了停掉|行了关了吧|得喇，停咗佢|' +
      // An ack before the stop, "for now" (round 13): still a stop of the running thing, not a cancel.
      '好 先关掉|那先停掉吧|好了 先停一下|行 先把{noun}关了|嗯 {noun}先停了吧',
  ),
};

/** Texting slang and Australian / New Zealand yeses (round 13), the last of {@link YES}'s English phrases. */
export const SLANG_YES_EN: readonly string[] = split(
  'bet|bet, go ahead|say less|yh go for it|ya fr|yeah go on then|too easy|sweet as, go for it|' +
    'righto, do it|yep yep go|absolutely send it',
);

/** Saying yes to a confirmation. */
export const YES: Bank = {
  en: split(
    "yes|yeah|yep|sure|ok|okay|go ahead|do it|yes please|sure thing|absolutely|please do|that's right|correct|yup|" +
      'of course|definitely|sounds good|confirm|yes do it|ya|yea|right|go for it|alright|yes, go ahead|ok go ahead|' +
      "i'm sure|sure, go ahead|yes i'm sure|yeah do it|yes that's fine|y|ok sure|yes definitely|affirmative|yeah sure|" +
      'go on|please|yes yes|totally|sure why not',
  ).concat(SLANG_YES_EN),
  zh: split(
    '是的|对|好的|好|可以|确定|没问题|行|嗯|对的|是|好啊|确认|就这样|没错|好吧|可以的|嗯嗯|好滴|行啊|可以啊|' +
      '对，清空吧|确定，删吧|好，删吧|是的，确定|OK|ok|嗯，确定|没错，就这么办|当然|必须的|来吧|' +
      // Cantonese (round 12).
      '系|系啊|系呀，删晒佢|好呀|得|得啦|冇问题',
  ),
};

/** Saying no to a confirmation (or to a question). */
export const NO: Bank = {
  en: split(
    "no|nope|nah|no thanks|don't|no, keep it|not really|please don't|no way|no, leave it|wait no|negative|" +
      "i'd rather not|no no|actually no|don't do that|keep it|no, don't|n|no thank you|hold on, no|nope, leave it|" +
      "no don't do it|no, not now|nah keep it",
  ),
  zh: split(
    '不|不是|不对|不要|不用|别|不行|不要了|不，留着|不了|别这样|不，先别|先不要|别删|不删了|还是留着吧|' +
      '不不不|等等，不要|no|不用了，留着|千万别|先别动|留着吧|不，我再想想',
  ),
};

/** Framings of a request that interrupts an open question: `{r}` is the request. */
export const INTERRUPT_FRAMES: Bank = {
  en: split(
    '{r}|{r}|{r}|wait {r}|hold on, {r}|actually {r}|oh first, {r}|quick question, {r}|before that, {r}|wait, {r}|hmm {r}|' +
      'oh also {r}|btw {r}|one sec, {r}|sorry, {r}|um {r}|real quick, {r}|oh and {r}',
  ),
  zh: split(
    '{r}|{r}|等一下，{r}|先问一下，{r}|对了，{r}|顺便问下，{r}|哦对了，{r}|先别管这个，{r}|稍等，{r}|另外，{r}',
  ),
};

/** Framings of a correction: `{v}` is the new value. */
export const CORRECTION_FRAMES: Bank = {
  en: split(
    'no, i meant {v}|actually {v}|sorry, i meant {v}|i meant {v}|no wait, {v}|make it {v}|actually make it {v}|' +
      'change it to {v}|oops, i meant {v}|no, {v}|{v} instead|sorry, {v}|no no, {v}|wait, make that {v}|' +
      'correction: {v}|hmm actually {v}|no sorry {v}|can you change it to {v}|actually, {v} please|wait no, {v}|' +
      'not that, {v}|hmm no make that {v}|scratch that, {v}|i said {v}|whoops {v}|my bad, {v}|{v} not that|' +
      // Moving what was just set, as said at work and in other Englishes (round 12): Indian "prepone".
      'postpone it to {v}|prepone it to {v}|push it back to {v}|bring it forward to {v}|shift it to {v}|' +
      'move it to {v}|can you postpone it to {v}|reschedule it for {v}',
  ),
  zh: split(
    '改成{v}|不对，{v}|我是说{v}|应该是{v}|换成{v}|不是，是{v}|说错了，{v}|改为{v}|错了，是{v}|不不，{v}|改一下，{v}|' +
      '等等，{v}|搞错了，{v}|应该是{v}才对|还是{v}吧|' +
      // A typing slip owned up to (round 13): the value after it is the correction.
      '写错了，是{v}|打错字了 应该是{v}|手滑了 是{v}|sorry 敲错了，{v}|不好意思打错了 {v}|' +
      // A take-back with a complaint (round 12): the value said is the correction, the rest is no value.
      '不是那个，是{v}，你听错了|我说的是{v}|{v}啊，你听岔了|讲的是{v}，不是那个|是{v}，搞错啦你',
  ),
};

/** Framings of an answer to a slot question: `{v}` is the value. */
export const ANSWER_FRAMES: Bank = {
  en: split(
    "{v}|{v}|{v}|{v} please|um {v}|make it {v}|let's say {v}|maybe {v}|{v}, thanks|it's {v}|ok {v}|i'd say {v}|" +
      'uh {v}|{v} i guess|just {v}|{v}!|{v}?|hmm {v}|{v} works|{v} is fine|how about {v}|{v} pls|uhh {v}|' +
      "let's do {v}|go with {v}|{v} would be good|oh {v}|{v} thx|probably {v}|{v} or so|yeah {v}",
  ),
  zh: split(
    '{v}|{v}|{v}吧|嗯，{v}|就{v}|{v}，谢谢|大概{v}|{v}就行|{v}好了|呃 {v}吧|就{v}吧|{v}哈|那就{v}|{v}左右|嗯 {v}|' +
      // Pointing before the value, and Cantonese (round 12).
      '就是那个，{v}|那个，{v}|系{v}|{v}啦|{v}得唔得',
  ),
};

/**
 * An answer said after searching for it ("hmm what was it again... ah right, {v}", "那个……叫啥来着……哦 {v}"):
 * the hesitation before the value is no aside, the value answers the question (`fill_slot`). Without
 * them the simulator only ever said a hesitation alone (an aside, out of scope), and people's dialogues
 * (en-train-7) showed the answer after it taken for one more aside. `{v}` is the value.
 */
export const HESITANT_ANSWER_FRAMES: Bank = {
  en: split(
    'hmm what was it again... ah right, {v}|what was it... oh yes, {v}|um let me think... {v}|' +
      "ugh hang on, it's on the tip of my tongue... {v}|wait wait... {v}, that's it|erm... {v} i think|" +
      "oh what's it called... {v}|sorry, brain fog... {v}|let me think, ok {v}|hmm hmm, right, {v}|" +
      'now what was it... {v}|oh gosh, um, {v}|give me a sec... {v}|hold on, i know this... {v}|uh, {v}, yeah that one',
  ),
  zh: split(
    '那个……叫啥来着……哦对 {v}|嗯……我想想 {v}|啥来着 哦 {v}|等下我想想 对 {v}|呃 就是那个 {v}|' +
      '哎我想起来了 {v}|emmm 应该是{v}|让我想想啊……{v}吧|对了对了 {v}|是那个啥……{v}|我记得是{v}来着|' +
      '想起来了 {v}',
  ),
};

/**
 * Bare acknowledgements once a task is done ("yep", "ok", "对", "嗯嗯", "收到"): with nothing asked they are
 * the small talk `yes` (the assistant acknowledges), not a new request of the task's skill. Round 9's
 * retrains read "对" after a sum as another sum: the simulator had said a yes only out of any task.
 * The same words opening a short ask ("ok round that", "嗯 再乘2") go on with the task: see {@link ACK_OPENERS}.
 */
export const ACK: Bank = {
  en: split(
    'yes|yeah|yep|yup|ok|okay|ok cool|cool|right|alright|got it|gotcha|mhm|yes that is right|yep that is it|' +
      'right right|ok good|ok great|sure|fair enough|makes sense|ah ok|oh ok|i see|k|kk|yes yes|ya|yea|correct|' +
      'that is what i got too|ok noted|roger',
  ),
  zh: split(
    '对|对的|对对|对对对|嗯|嗯嗯|嗯对|好的|好|好嘞|行|行吧|是的|没错|ok|OK|知道了|明白|明白了|收到|懂了|了解|' +
      '可以|哦哦|噢|好滴|是这个数|跟我算的一样|' +
      // Cantonese "done" (round 12).
      '搞掂|OK搞掂|得咗|收到晒|明白晒',
  ),
};

/** Acks that open a short ask going on with the task ("ok round that", "嗯 再乘2"): `{r}` is the ask. */
export const ACK_OPENERS: Bank = {
  en: split('ok {r}|okay {r}|right, {r}|yep {r}|cool, {r}|alright {r}|ok now {r}|great, {r}|ok and {r}|mhm {r}'),
  zh: split('嗯 {r}|好 {r}|行 {r}|对 {r}|好的 {r}|嗯嗯，{r}|OK {r}|那{r}|对了 {r}'),
};

/**
 * A polite, long-winded opening before a first request ("good morning, sorry to bother you, ..."):
 * the request after it is still the request (`start_task`). `{r}` is the request. People's dialogues
 * (en-train-7) showed a grandparent's request after a paragraph of courtesy read as out of scope.
 */
export const POLITE_FRAMES: Bank = {
  en: split(
    'hello dear, {r}|good morning, sorry to bother you, {r}|hi there, my son set this up on the tablet for me. {r}|' +
      'excuse me, i wonder if you could help me. {r}|hello, i hope you are keeping well. {r}|' +
      "oh hello, i'm not very good with these gadgets but {r}|sorry to trouble you, {r}|" +
      'good afternoon, my daughter tells me you can do this sort of thing. {r}|hi, if it is not too much bother, {r}|' +
      "hello there, i've never used one of these before, {r}|morning! i hope this is the right way to ask, {r}|" +
      'hi, quick favour if you have a moment, {r}|hello, my granddaughter showed me how to type here. {r}|' +
      'dear assistant, i would be ever so grateful if you could help. {r}',
  ),
  zh: split(
    '您好，麻烦您一下，{r}|你好呀 打扰一下 {r}|不好意思啊 我不太会用这个 {r}|那个 我孙子给我装的这个 {r}|' +
      '你好 请问一下 {r}|哈喽 在吗 {r}|麻烦帮个忙 {r}|您好，我年纪大了不太会弄，{r}|小助手你好呀，{r}|' +
      '打扰了，想请你帮个忙：{r}|早上好 我女儿说你能帮忙 {r}',
  ),
};

/**
 * A question about the assistant's last turn ("did my message come through?", "你刚刚干嘛了"): after a
 * skill that keeps nothing (a joke, a spelling, a sum) it asks for the last reply again, the meta
 * skill's `repeat`, and it is no request of a task still open from before (round 10's retrain read
 * such a question after a joke as a read of the timer set before it). After a skill that keeps
 * something the same words ask whether it was done: `decide.ts` reads those by rule.
 */
export const META_QUESTIONS: Bank = {
  en: split(
    'did my message come through|hello? can you hear me|you there? did you catch what i said|' +
      'wait what did you just do|what was that you just did|sorry, what happened there|did you understand me|' +
      'huh, what did you do|did you follow what i said|hang on, what just happened|did you register that|' +
      'are you getting my messages|hold on what did you do there|did you understand what i asked',
  ),
  zh: split(
    '你听到我说的了吗|我的消息你收到没|你刚刚干嘛了|刚才那是什么意思|你听懂我说啥了吗|喂 听得到吗|' +
      '我说的话你收到了吗|你刚才做了什么|啥情况 你刚干了啥|你明白我的意思没|刚刚发生了什么',
  ),
};

/**
 * Thanks or an ack with a new request after it in one turn ("thanks, and {r}", "谢谢 再{r}"): the request
 * is what is asked (`start_task` of its intent). Where the intent model hears only the thanks or the yes
 * (`SimulatedTurn.heard`), that is what was said, never the task just done and never out of scope.
 * `{r}` is the request.
 */
export const THANKS_THEN_FRAMES: Bank = {
  en: split(
    'thanks, and {r}|thank you! {r}|ta. {r}|thanks so much, also {r}|great, cheers. now {r}|ok thx and {r}|' +
      "that's great thanks, {r}|thank u, one more thing: {r}|nice one, thanks. {r}|wonderful, thank you. and {r}|" +
      'thanks! oh and {r}|ok ty, {r}|good, thanks, next {r}|many thanks. {r}',
  ),
  zh: split(
    '谢谢 再{r}|好的谢谢 {r}|行 谢谢 顺便{r}|谢啦 还有{r}|多谢 另外帮我{r}|好嘞谢谢 然后{r}|' +
      '感谢 对了{r}|太棒了 谢谢 再帮我{r}|嗯嗯谢谢 {r}|OK 多谢 顺便{r}|好的 辛苦了 {r}|谢了 接下来{r}',
  ),
};

/**
 * A remark with a number or a unit in it, once a sum or a conversion is done ("my brother is 6 ft tall
 * now", "我今天跑了5公里"): news of the user's life, not a new conversion or a step on the result. Said
 * alone it is out of scope; after thanks it is the thanks (see `numberRemark` in user-simulator.ts).
 */
export const NUMBER_REMARKS: Bank = {
  en: split(
    'my brother is {b} ft tall now|my dog weighs {a} pounds lol|i ran {b} miles this morning|' +
      'our flat is {n} square meters|the baby is {b} kg already|my commute is {b} km each way|' +
      'i drank {b} cups of coffee today haha|it was {a} degrees here yesterday|i lost {b} pounds this month|' +
      'my grandma turns {a} on sunday|we drove {n} miles last weekend|my daughter grew {b} inches this year|' +
      'i only slept {b} hours lol|the cake needs {n} grams of sugar, crazy',
  ),
  zh: split(
    '我弟弟现在都一米八了|我家狗有{b}公斤重|我今天跑了{b}公里|我儿子下个月{b}岁了|我们家离公司{b}公里|' +
      '我今天喝了{b}杯咖啡|昨天这边{a}度呢|我这个月瘦了{b}斤|我奶奶今年{a}岁了|我昨晚才睡了{b}个小时|' +
      '上周末开了{n}公里的车|我女儿今年长了{b}厘米',
  ),
};

/**
 * A new calculation or conversion said in full once a chain of follow-ups is done ("now 2 to the power of
 * 9", "再算一个 7的3次方"): a new task of the same intent, not one more step on the last result. Round 10's
 * retrain took "3的5次方" after "再乘以 3" for a follow-up. `{r}` is the request.
 */
export const ANEW_FRAMES: Bank = {
  en: split('{r}|{r}|now {r}|ok next one, {r}|different one: {r}|new sum, {r}|and separately, {r}|also {r}'),
  zh: split('{r}|{r}|再算一个 {r}|换一个 {r}|另外 {r}|那{r}|新的一个 {r}'),
};

/**
 * Answers that fill nothing (the manager re-asks). Reactions, fillers and mash are not answers at all:
 * they are asides (`asides.ts`), out of scope.
 */
export const NONSENSE: Bank = {
  en: split('purple|banana|elephant|the blue one|blah|whenever|potato|something|whatever|the usual|same as always'),
  zh: split('紫色|随便|香蕉皮|老样子|跟上次一样|看着办'),
};

/** Asking again for the same kind of thing ("another one"). */
export const AGAIN: Bank = {
  en: split(
    'another one|again|one more|do it again|one more time|another|and another|more|again please|same again|' +
      'haha ok one more|another!|go again|one more please|again lol|another one please|hit me again|more please|' +
      'give me another|ok another|once more|lol another|do that again|one more?',
  ),
  zh: split('再来一个|再来|再一次|又一个|再来一次|再来个|再来一个吧|再一个|继续|还要|再来一遍|再整一个|再来一把'),
};

/**
 * Texting slang and Australian / New Zealand thanks (round 13: en-train-12 had them read as out of scope), the
 * last of the English thanks in {@link SMALL_TALK}.
 */
export const SLANG_THANKS_EN: readonly string[] = split(
  'tysm|ty fr|bet thx|bet, thank u|ok bet ty|appreciate u|sweet, ta|ta heaps|cheers mate|' +
    'cheers legend|chur|chur bro|good on ya|nice one, ta|ripper, thanks|thanks heaps|sweet as thanks|ta muchly',
);

/** Small talk the simulator sends besides the intent corpora, by intent. */
export const SMALL_TALK: Record<string, Bank> = {
  thank_you: {
    en: split(
      'thanks|thank you|thx|cheers|thanks a lot|great thanks|perfect, thank you|ty|much appreciated|awesome thanks',
    ).concat(SLANG_THANKS_EN),
    zh: split(
      '谢谢|谢谢你|多谢|太好了谢谢|感谢|' +
        // Internet words and emoji around the thanks (round 13): still thanks, not a reaction.
        '绝了 谢谢|yyds 谢啦|好耶 谢谢🙏|爱了爱了 谢谢|谢谢🙏|感恩🙏|完美 多谢|牛哇 谢了',
    ),
  },
  greeting: {
    en: split(
      'hi|hello|hey|good morning|hey there|hiya|good evening|morning!|yo|hello there|hi!|howdy|gm|heya|sup|good afternoon|' +
        // Greetings in other Englishes and Māori as said in New Zealand English (round 13).
        "kia ora|kia ora koutou|mōrena|morena|g'day|g'day mate|howzit|heyyy|yo what's good|ayy wassup|hey bestie|" +
        'hiii|ello|oi oi|talofa',
    ),
    zh: split('你好|嗨|早上好|晚上好|您好|哈喽'),
  },
  goodbye: {
    en: split(
      'bye|goodbye|see you|bye for now|see ya|good night|later|catch you later|that is all, bye|cya|ttyl|gn|later!|night|' +
        // Farewells with thanks or an emoji in them are still farewells (round 13: read as thanks).
        'ok gn|gn thx|night night, ty|k bye ty|bye thx|ttyl ty|nighty night|off to bed, ta|hooroo|catch ya|' +
        'see ya, cheers|laters|peace out|ka kite anō|bye 👋|gn 😴',
    ),
    zh: split('再见|拜拜|晚安|回头见|先这样，再见|886|88|拜拜啦|溜了溜了 886|撤了 拜'),
  },
  are_you_a_bot: {
    en: split(
      'are you a bot|are you human|are you a real person|am i talking to a robot|is this a bot|r u a bot|' +
        // Naming another assistant to ask what this one is (round 13).
        'is this chatgpt|r u like siri|are you an ai or smth|u a real person or nah|is this an ai lol|are u gpt',
    ),
    zh: split('你是机器人吗|你是真人吗|你是不是机器人|我在跟机器人说话吗'),
  },
  what_is_your_name: {
    en: split(
      "what's your name|what should i call you|do you have a name|what are you called|who are you|who r u|and you are?|" +
        "what do i call you|who am i talking to|what's your name again|so what are you called now",
    ),
    zh: split('你叫什么名字|怎么称呼你|你是谁|你是哪位|你叫啥|那你现在叫什么|我该怎么叫你|你的名字是什么'),
  },
  repeat: {
    en: split(
      'say that again|what did you say|repeat that|come again?|sorry, say that again?|can you repeat that|pardon?|huh, what was that|' +
        // Asking for it again more slowly (round 13): the last reply again, not a setting.
        'again but slower|say it slower pls|one more time, slowly|slowly this time|wait go slower, again',
    ),
    zh: split('再说一遍|你说什么|重复一下'),
  },
  maybe: {
    en: split("maybe|i don't know|no clue|not sure|idk|dunno|hmm maybe|perhaps|no idea tbh|possibly|i'm not sure yet"),
    zh: split('也许|不知道|不确定|可能吧|说不好'),
  },
  tell_joke: {
    en: split('tell me a joke|make me laugh|know any jokes?|say something funny'),
    zh: split('讲个笑话|说个笑话吧'),
  },
};
