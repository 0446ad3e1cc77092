/**
 * What the built-in skills say in Chinese: the same sections and keys as `enSkills`, written as
 * a Chinese assistant would say them (no plurals, times on the 24-hour clock, the time before
 * the verb: "我会在明天 7:00 提醒你开会").
 *
 * @module
 */
import type { enSkills } from '../en/en-skills.ts';
import { zhFormat as f } from './zh-format.ts';

const NOUN = { timer: '计时器', alarm: '闹钟' } as const;

/** Chinese replies of the built-in skills. */
export const zhSkills: typeof enSkills = {
  time: {
    askPlace: ['哪个城市或国家？', '你说的是哪里？'],
    now: (here) => [`现在是 ${here}。`, `现在 ${here}。`, `现在的时间是 ${here}。`],
    unknownPlace: (place, here) => `抱歉，我还不知道${place}的时区。这里现在是 ${here}。`,
    there(place, time, day) {
      const d = day === 0 ? '' : day > 0 ? '明天 ' : '昨天 ';
      return [`${place}现在是 ${d}${time}。`, `${place}那边现在是 ${d}${time}。`];
    },
    zoneHere: (name, zone, offset) => `你所在的时区是${name}（${zone}），目前是 ${offset}。`,
    zoneThere: (place, name, offset) => `${place}用的是${name}，目前是 ${offset}。`,
    unknownZone: (place) => `抱歉，我还不知道${place}的时区。`,
    spans: {
      us: '美国横跨好几个时区，这里说的是东部时间。',
      canada: '加拿大横跨好几个时区，这里说的是多伦多时间。',
      australia: '澳大利亚横跨好几个时区，这里说的是悉尼时间。',
      russia: '俄罗斯横跨很多个时区，这里说的是莫斯科时间。',
      brazil: '巴西横跨好几个时区，这里说的是巴西利亚时间。',
    },
  },
  date: {
    askDate: '哪一天？',
    today: (day, place) => {
      const where = place === undefined ? '' : `${place}`;
      return [`${where}今天是${day}。`, `${where}今天${day}。`];
    },
    tomorrow: (day) => `明天是${day}。`,
    yesterday: (day) => `昨天是${day}。`,
    inDays: (n, day) => `${n}天后是${day}。`,
    daysAgo: (n, day) => `${n}天前是${day}。`,
    other: (day) => `那天是${day}。`,
  },
  schedule: {
    noun: NOUN,
    unavailable: '抱歉，这个应用里我设不了计时器和闹钟：它不允许我过后再提醒你。',
    noneToCancel: (noun) => `你现在没有在运行的${NOUN[noun]}。`,
    cancelledOne: (noun) => [`好的，${NOUN[noun]}已经取消了。`, `搞定，${NOUN[noun]}关掉了。`],
    cancelledAll: (n, noun) => `好的，${n}个${NOUN[noun]}都取消了。`,
    cancelledThe: (noun, what, left) => `好的，那个${NOUN[noun]}（${what}）取消了，还有${left}个${NOUN[noun]}。`,
    restored: (noun, what) => `好的，那个${NOUN[noun]}恢复了（${what}）。`,
    swapped: (noun, kept, cancelled) =>
      `不好意思，刚才那个${NOUN[noun]}（${kept}）恢复了，取消的是另一个（${cancelled}）。`,
    noMatch: (noun) => `没找到那个${NOUN[noun]}。`,
    noneSet: (noun) => `你现在没有设${NOUN[noun]}。`,
    left: (duration) => `还剩${duration}`,
    one: (noun, what) => `你有一个${NOUN[noun]}：${what}。`,
    many: (n, noun, what) => `你有${n}个${NOUN[noun]}：${what.join('；')}。`,
    onceOnly: '不过重复的闹钟和提醒我还做不到：这次只设了一次，下次要用的时候再跟我说。',
  },
  timer: {
    askDuration: ['要定多长时间？', '计时器定多久？', '好的，定多长时间？'],
    badDuration: '计时器可以定1秒到24小时。要定多久？',
    done: (length) => [`时间到！你的${length}计时器结束了。`, `叮！${length}的计时器到点了。`],
    changed: (length) => `好的，计时器改成${length}了。`,
    extended: (added, left) => `好的，计时器加了${added}，现在还剩${left}。`,
    cannotPause: '抱歉，计时器暂时不能暂停或继续。我可以告诉你还剩多久、取消它，或者重新定一个。',
    set: (length) => [
      `计时器已设定：${length}。`,
      `好的，${length}，现在开始计时。`,
      `没问题，${length}的计时器开始了。`,
    ],
  },
  alarm: {
    askTime: ['闹钟定在几点？', '要定几点的？', '什么时候响？'],
    badTime: '抱歉，我需要一个时间，比如“早上七点”或“明天6:30”。定在几点？',
    passed: '这个时间已经过了。闹钟要定在几点？',
    tooFar: '太远了：闹钟最多只能定在一百年以内。闹钟要定在几点？',
    ring: (time) => `⏰ 现在是 ${time}：你的闹钟响了。`,
    moved: (when) => `好的，闹钟改好了，现在会在${when}响。`,
    set: (when) => [`闹钟定好了，${when}响。`, `好的，我${when}叫你。`, `搞定，闹钟会在${when}响。`],
  },
  reminders: {
    unavailable: '抱歉，这个应用里我设不了提醒：它不允许我过后再提醒你。',
    askTask: ['要提醒你做什么？', '好的，提醒你什么事？'],
    askWhen: ['什么时候提醒你？', '要在几点提醒你？'],
    askWhenTask: (task) => [`好的，什么时候提醒你${task}？`, `要在几点提醒你${task}？`],
    passed: '这个时间已经过了。要什么时候提醒你？',
    tooFar: '太远了：提醒最多只能定在一百年以内。要什么时候提醒你？',
    none: ['你现在没有任何提醒。', '还没有设置提醒。'],
    noneOn: (day) => `${day}没有提醒。`,
    item: (task, when) => `${when} ${task}`,
    list: (n, items) => `你有${n}个提醒：${items.join('；')}。`,
    noneToDelete: '你没有可以删除的提醒。',
    deletedOne: (task) => `好的，“${task}”的提醒删掉了。`,
    deletedAll: (n) => `好的，${n}个提醒都删掉了。`,
    announce: (task) => `提醒：${task}。`,
    notFound: '没找到那个提醒。',
    whichOne: '要改哪一个？',
    changed: (task, when) => `好的，改好了：我会在${when}提醒你${task}。`,
    set: (task, when) => [
      `好的，我会在${when}提醒你${task}。`,
      `提醒已设好：${when}，${task}。`,
      `没问题，${when}我会提醒你${task}。`,
    ],
  },
  lists: {
    name: { shopping: '购物清单', todo: '待办清单' },
    askAdd: (list) => `要往${list}里加什么？`,
    askRemove: (list) => `要从${list}里删掉什么？`,
    askCheck: '哪一项？',
    askClear: (list) => `要清空${list}吗？`,
    confirmClear: (list) => `确定要清空${list}上的所有内容吗？`,
    unavailable: (list) => `抱歉，这个应用里我没法帮你记${list}。`,
    cleared: (list) => [`好了，${list}已经清空。`, `好的，${list}清空了，现在什么都没有。`],
    added: (items, list) => [`已把${f.list(items)}加到${list}。`, `好的，${f.list(items)}加到${list}上了。`],
    full: (list, max) => `${list}已经满了（最多${max}项），有些没能加上。`,
    already: (items) => `${f.list(items)}本来就在上面了。`,
    removed: (items, list) => [`已把${f.list(items)}从${list}删掉。`, `好的，${f.list(items)}已经从${list}上划掉了。`],
    notThere: (items, list) => `${list}上本来就没有${f.list(items)}。`,
    isOn: (items, list) => `有的，${f.list(items)}在${list}上。`,
    isOff: (items, list, someOn) => `${someOn ? '' : '没有，'}${list}上没有${f.list(items)}。`,
    empty: (list) => [`${list}是空的。`, `${list}现在还是空的。`],
    show: (list, items) => `${list}上有${items.length}项：${f.list(items)}。`,
  },
  calculator: {
    askExpression: ['要算什么？', '好的，算什么？'],
    badExpression: '我需要几个数字才能算，比如“12乘以7”。要算什么？',
    // "80 的 15%" is how a Chinese speaker reads "15% × 80".
    speak: (expression) =>
      expression
        .replace(/^(\d+(?:\.\d+)?)%\s*\*\s*(\d+(?:\.\d+)?)$/, '$2 的 $1%')
        .replace(/\s*\*\s*/g, ' × ')
        .replace(/\s*\/\s*/g, ' ÷ ')
        .replace(/√\s*/g, '√'),
    result: (expression, result) => [
      `${expression} 等于 ${result}。`,
      `结果是 ${result}。`,
      `${result}。`,
      `算出来是 ${result}。`,
    ],
    why: {
      'division-by-zero': '除数不能为零，这道题没有答案。',
      'too-large': '这个数太大了，我算不出来。',
      domain: '这个在实数范围内没有答案。',
    },
    failed: '抱歉，这个我没算出来。可以试试“12乘以7”或“80的15%”这样的说法。',
  },
  conversion: {
    askAmount: '多少？',
    askFrom: '从什么单位换算？',
    askTo: ['换算成什么单位？', '要换成什么？'],
    whichUnits: '要换算什么单位？比如“5英尺是多少米”或“1磅等于多少克”。',
    convertTo: (amount) => `把${amount}换算成什么？`,
    dimension: {
      length: '长度',
      mass: '重量',
      volume: '体积',
      temperature: '温度',
      speed: '速度',
      time: '时间',
      data: '数据量',
      energy: '能量',
    },
    cannot: (from, to, a, b) => `${from}没法换算成${to}：一个是${a}，一个是${b}。`,
    result: (a, b) => [`${a}等于${b}。`, `是${b}。`, `${a}换算过来是${b}。`],
  },
  dice: {
    askCount: '掷几个骰子？',
    askSides: '几面的骰子？',
    die: (sides) => (sides === 6 ? '' : `（${sides}面骰）`),
    one: (roll, die) => [`你掷出了${roll}点${die}。`, `是${roll}点${die}！`, `${roll}点${die}。`],
    many: (rolls, die, total) =>
      `你掷出了${rolls.length <= 10 ? rolls.join('、') : `${rolls.length}个骰子`}${die}，一共${total}点。`,
  },
  coin: {
    side: { heads: '正面', tails: '反面' },
    landed: (side) => [`是${side}。`, `${side}！`, `硬币落下来是${side}。`],
    win: '你赢了！',
    lose: '可惜，你输了。',
  },
  spelling: {
    askWord: ['要拼哪个单词？', '好的，哪个词？'],
    badWord: '我能拼写由字母组成的单词。是哪个词？',
    spelled: (word, spelled, letters) => [
      `${word}：${spelled}，一共${letters}个字母。`,
      `拼法是 ${spelled}（${letters}个字母）。`,
    ],
    han: (word) => `“${word}”是汉字，没有字母可以拼。想知道哪个英文单词怎么拼，可以直接问我。`,
  },
  userName: {
    askName: ['我该怎么称呼你？', '好的，你想让我叫你什么？'],
    badName: '这个看起来不像名字。我该怎么称呼你？',
    unavailable: '抱歉，这个应用里我没法记住名字。',
    set: (name) => [
      `很高兴认识你，${name}！以后我就叫你${name}。`,
      `记住了，${name}。以后就这么叫你。`,
      `好的，${name}。`,
    ],
    unknown: '我还不知道你的名字。跟我说“叫我”加上你的名字就行。',
    known: (name) => [`你是${name}。`, `你叫${name}。`, `我叫你${name}。`],
  },
  meta: {
    capabilities: (things: readonly string[]) =>
      (things.length === 0 ? '我在这里还做不了什么。' : `我可以${things.join('，')}。`) +
      '我离线工作，你说的话都不会离开这台设备。',
    nothingYet: '我还什么都没说呢。',
  },
};
