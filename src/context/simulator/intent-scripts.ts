/**
 * How the simulator's users talk to each built-in intent: requests with and without their slots,
 * answers to the skill's questions, follow-ups and corrections of a running task, and the other
 * intents of the same skill a task leads to (checking a timer, reading the list just changed,
 * stopping what was started). Templates use `{placeholders}` from `values.ts`.
 *
 * @module
 */
import type { Bank, SimLanguage } from './acts.ts';

/** The simulator's knowledge of one intent. */
export interface IntentScript {
  /** Requests that say everything the skill needs. */
  full?: Bank;
  /** Requests that leave something for the skill to ask. */
  bare?: Bank;
  /** Answers to the skill's question about a slot, by slot name (framed by `ANSWER_FRAMES`). */
  answers?: Record<string, Bank>;
  /** Follow-ups that keep the task and change a part of it: labelled `follow_up`, the slot named. */
  followUp?: { slot: string; bank: Bank }[];
  /** New values for a slot, said as a correction (framed by `CORRECTION_FRAMES`). */
  correction?: { slot: string; bank: Bank };
  /** Other intents a running task leads to, asked in its context: labelled `start_task` of that intent. */
  related?: { intent: string; bank: Bank }[];
  /** Stopping what the task started ("cancel", "stop"): `start_task` of `intent`, `{noun}` filled. */
  stop?: { intent: string; noun: Record<SimLanguage, string> };
  /** "Another one" asks for this intent again; a bank adds the intent's own ways of saying it ("roll again"). */
  again?: boolean | Bank;
  /** A request said in full again with the task open is a new task of this intent (a new sum after a chain). */
  anew?: boolean;
  /**
   * A slot said again in the intent's own frame while another slot is asked ("the reminder is to {task}" when
   * the time is asked): the request restated, `start_task` of this intent (never an answer to the question).
   */
  restate?: { slot: string; bank: Bank };
}

const b = (en: string, zh = ''): Bank => ({
  en: en
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean),
  zh: zh
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean),
});

/**
 * Chinese follow-ups of a sum: each way of saying the four operations in each frame ("再减去{b}",
 * "乘以{b}呢", "然后除以{b}"), so no one wording stands for all.
 */
const ZH_ARITHMETIC_FOLLOW_UPS = ['加', '加上', '减', '减去', '乘', '乘以', '除以']
  .flatMap((op) => [`再${op}{b}`, `${op}{b}呢`, `然后${op}{b}`, `${op}{b}`])
  .join('|');

/** Scripts of the built-in skills' intents. */
export const INTENT_SCRIPTS: Record<string, IntentScript> = {
  timer: {
    full: b(
      'set a timer for {duration}|{duration} timer|start a {duration} timer|timer for {duration} please|set timer {duration}|' +
        'i need a timer for {duration}|put a timer on for {duration}|count down {duration}|can you time {duration} for me|' +
        'start a timer, {duration}|set a {duration} timer|timer {duration}|could you set a timer for {duration}',
      '设一个{duration}的计时器|计时{duration}|帮我定时{duration}|倒计时{duration}|设置{duration}计时器',
    ),
    bare: b(
      'set a timer|i need a timer|start a timer|can you set a timer for me|timer please|new timer|set up a countdown|start the timer|set timer',
      '设个计时器|我需要一个计时器|开个倒计时|帮我计时',
    ),
    answers: { duration: b('{duration}|for {duration}', '{duration}') },
    correction: { slot: 'duration', bank: b('{duration}', '{duration}') },
    related: [
      {
        intent: 'timer',
        bank: b(
          'how much time is left|how long is left on my timer|how much time is left on the timer|how long until the timer goes off|' +
            'check my timer|time left?|is my timer still running|how much longer|how long left|what timers do i have|' +
            // Asking whether it was set reads it: not a new timer (round 9, issue 15).
            'did it start?|did the timer start|is it running?|did that go through|is it set?|' +
            // Several timers going: which one ends first reads them (round 10), not out of scope.
            'which one ends first|which timer is up next|which one rings first|how long on each of them|' +
            'how much is left on both|is the {item} one done yet|how long on the other one|are both still going|' +
            'is anything still ticking|any timers still on|which of them is nearly done|' +
            'set another timer for {duration}|and another one for {duration}|one more for {duration}',
          '计时器还剩多久|还有多长时间|还剩几分钟|再设一个{duration}的|哪个先响|哪个计时器先到点|两个都还剩多久|' +
            '另一个还剩多少|{item}那个还要多久|还有在跑的计时器吗|计时器都还在吗|之前那个定的几分钟|设好了没|' +
            '你给我定了多久|哪个快到了',
        ),
      },
      {
        // Working on the running timer: more time ("add 5 more minutes") or a pause, a new request to the
        // timer skill in its own words (the skill reads the operation from them), not a correction of
        // the length nor a follow-up that would redo the set timer.
        intent: 'timer',
        bank: b(
          'add {duration} more|add {duration} to my timer|add {duration} to it|add another {duration}|' +
            'can you add {duration} more|put {duration} more on it|put {duration} more on the timer|give it {duration} more|' +
            'add {b} more minutes|{b} more minutes please|{b} extra minutes|add {b} more secs|ok add {b} more minutes|' +
            'pls add {duration} to the timer|give me {b} more minutes|pause the timer|pause it|can you pause my timer|' +
            'resume the timer|pause|hold it a sec, someone at the door|pause it, i have a call|ok carry on now|' +
            'you can continue now|resume it|keep going|carry on',
          '再加{duration}|加{duration}|计时器再加{duration}|多加{duration}|再多加{duration}吧|帮我再加{duration}|' +
            '延长{duration}|计时器延长{duration}|暂停计时器|暂停一下|先暂停|继续计时',
        ),
      },
    ],
    stop: { intent: 'timer', noun: { en: 'timer', zh: '计时器' } },
  },
  alarm: {
    full: b(
      'set an alarm for {time}|wake me up at {time}|alarm at {time}|i need an alarm for {time}|set alarm {time}|' +
        'can you wake me {time}|please set an alarm for {time}|alarm for {time}|make an alarm at {time}',
      '设一个{time}的闹钟|{time}叫醒我|定个{time}的闹钟|明天{time}叫我起床',
    ),
    bare: b(
      'set an alarm|i need an alarm|can you set an alarm for me|new alarm|set an alarm for me|alarm please',
      '设个闹钟|帮我定个闹钟',
    ),
    answers: { time: b('{time}|at {time}|for {time}', '{time}') },
    correction: { slot: 'time', bank: b('{time}', '{time}') },
    related: [
      {
        intent: 'alarm',
        bank: b(
          'what alarms do i have|list my alarms|when is my alarm set for|do i have any alarms|show my alarms|' +
            'what time did i set it for|what time is it set for|is it set? for what time|did it save?|what time was that again|' +
            // Lost track of what is set (round 13): a read of the alarms, not a new alarm asking its time.
            'have i already got one set|did i already set one|is there one on already|wait did i set it or not|' +
            'have i got any on for tomorrow',
          '我有哪些闹钟|闹钟几点|刚才设的几点来着|你给我定的是几点|闹钟设上了吗|把闹钟给我念一下|' +
            '不是让你设{time}吗 到底设的几点|我明天几点的闹钟|设好了没',
        ),
      },
    ],
    stop: { intent: 'alarm', noun: { en: 'alarm', zh: '闹钟' } },
  },
  reminder_update: {
    full: b(
      'remind me to {task} {when}|remind me {when} to {task}|set a reminder to {task} {when}|' +
        "don't let me forget to {task} {when}|can you remind me to {task} {when}|reminder to {task} {when}|" +
        'please remind me {when} to {task}|i need a reminder to {task} {when}|remind me to {task}|set a reminder to {task}',
      '{when}提醒我{task}|提醒我{when}{task}|设置一个提醒：{task}|提醒我{task}',
    ),
    bare: b(
      'set a reminder|can you set a reminder for me|i need a reminder|remind me of something|new reminder|add a reminder',
      '设置一个提醒|帮我设个提醒',
    ),
    answers: {
      // The task said in the reminder's own frame ("the reminder is to {task}", "提醒的内容是{task}") answers
      // the question of the task (round 11: retrains filled the time with it).
      task: b(
        "{task}|to {task}|the reminder is to {task}|it's for {task}|it's to {task}|right, the reminder is to {task}|" +
          "the reminder's for {task}|it should say {task}|it's about {task}|so the reminder is to {task}|" +
          // Named by the slot's own word (round 13: a round-12 retrain left "ok the task is ..." unread).
          'the task is {task}|ok the task is {task}|my task is {task}|the thing is to {task}|so the task is to {task}',
        '{task}|提醒的内容是{task}|是去{task}的|内容是{task}|是要{task}|提醒我{task}|就是提醒我{task}|提醒事项是{task}|' +
          '任务是{task}|事情是{task}|要提醒的事是{task}|好的 事情是{task}',
      ),
      when: b('{when}', '{when}'),
    },
    correction: { slot: 'when', bank: b('{when}', '{when}') },
    // Round 11: "set a reminder thing" (task "thing", the time asked), then "Right, the reminder is to pay the
    // gas bill": the reminder restated with its task, not a time.
    restate: {
      slot: 'task',
      bank: b(
        "the reminder is to {task}|right, the reminder is to {task}|no, the reminder is for {task}|it's to {task} actually|" +
          'the reminder should be to {task}|i meant the reminder is to {task}|sorry, the reminder is to {task}|' +
          "oh it's a reminder to {task}|what i need reminding of is to {task}",
        '提醒的内容是{task}|是去{task}的|不对 是提醒我{task}|内容改成{task}|我是说提醒我{task}|是要{task}的提醒|' +
          '哦 提醒的是{task}|提醒事项是{task}',
      ),
    },
    stop: { intent: 'reminder_update', noun: { en: 'reminder', zh: '提醒' } },
    related: [
      {
        intent: 'reminder',
        bank: b(
          'what are my reminders|what reminders do i have|do i have any reminders|show my reminders|list reminders|' +
            'any reminders left?|do i still have reminders|what reminders are set|' +
            'what time was that for again?|whats left on there now|when is that one for|did it save?|' +
            'wait what time did i put|when did i say that was|what did i set that for|hang on which day was that|' +
            // Lost track of what was asked before (round 13): a read of the reminders, not a repeat of the reply.
            'what did i ask you to remind me about|remind me what i told you before|what was the first one again|' +
            'what have i got you reminding me of|hang on what did i say before that',
          '我有哪些提醒|看看我的提醒|刚才那个提醒是几点的|提醒设好了没|我刚才让你提醒我啥来着|提醒是明天的吧',
        ),
      },
    ],
  },
  reminder: {
    full: b(
      'what are my reminders|what reminders do i have|do i have any reminders|show me my reminders|read my reminders',
      '我有哪些提醒|我的提醒',
    ),
  },
  shopping_list_update: {
    full: b(
      'add {items} to my shopping list|put {items} on the shopping list|i need to buy {items}|add {items} to my grocery list|' +
        "put {items} on my grocery list|we're out of {items}|shopping list: {items}|add {items} to the grocery list|" +
        'remove {item} from my shopping list|take {item} off the shopping list|cross {item} off my grocery list|' +
        'i already bought {item}|we have {item} now, take it off|got the {item} already|' +
        'please add {items} to my shopping list|can you put {items} on my shopping list|clear my shopping list|' +
        'empty the grocery list|delete everything on my shopping list',
      '把{items}加到购物清单|购物清单加上{items}|我要买{items}|从购物清单删掉{item}',
    ),
    bare: b(
      'add something to my shopping list|i want to add to my shopping list|i need to add a few things to my grocery list',
      '往购物清单里加东西',
    ),
    answers: { add: b('{items}|add {items}', '{items}') },
    followUp: [
      {
        slot: 'add',
        bank: b(
          'and {item}|{item} too|also {item}|and some {item}|plus {item}|oh and {item}|{item} as well|and {items}',
          '再加个{item}|还有{item}|{item}也要|仲有{item}|{item}都要埋|另外再来点{item}',
        ),
      },
    ],
    correction: { slot: 'add', bank: b('{item}', '{item}') },
    related: [
      {
        intent: 'shopping_list',
        bank: b(
          "what's on my list|what's on it now|what's on the list|read it back|show me the list|is {item} on my list|what do i have so far|" +
            'did you add {item}?|did u get all of them?|is the {item} one still there|how many things on there now',
          '清单上有什么|现在有什么|清单上现在有什么|再看一下清单|现在清单里都有啥|念一下清单|都有哪些了|{item}在清单上吗|' +
            '睇下清单有乜嘢|清单仲有咩|购物单入面有乜|而家有啲乜嘢',
        ),
      },
      {
        intent: 'shopping_list_update',
        bank: b(
          'clear the list|empty it|remove {item}|take {item} off|i want to add more|add some more stuff',
          '清空清单|把{item}删掉|再加点东西|我还要加几样|还得加东西|{item}删咗佢|{item}唔要喇|' +
            // The item first, then that it is not wanted any more, with why (round 13).
            '{item}不买了，太贵|{item}先不要了|{item}不要了',
        ),
      },
    ],
  },
  shopping_list: {
    full: b(
      "what's on my shopping list|read me my grocery list|show my shopping list|what do i need to buy|is {item} on my shopping list|" +
        "what's on the grocery list|what's left on my shopping list",
      '购物清单上有什么|我要买什么|看看购物清单|买菜清单上有啥|购物单里都有什么|我的购物清单|还要买哪些东西|清单里有{item}吗',
    ),
  },
  todo_list_update: {
    full: b(
      'add {todo} to my to-do list|put {todo} on my todo list|add {todo} to my to do list|i need to {todo}, add it to my list|' +
        'remove {todo} from my to-do list|i finished {todo}|new task: {todo}|write down {todo} on my to-do list|' +
        'i already did {todo}|done with {todo}|cross {todo} off my to do list|' +
        'clear my to-do list|delete everything on my to do list',
      '把{todo}加到待办事项|待办事项加上{todo}|删掉待办事项里的{todo}',
    ),
    bare: b(
      'i want to add something to my todo list|add a task|add to my to-do list|' +
        "i've got loads to do, can you write some down|can you jot a few jobs down for me|help me keep track of my chores",
      '加一个待办事项|往待办里加点东西|我要加个任务|帮我在待办清单上加一项|待办事项里加个东西',
    ),
    answers: { add: b('{todo}', '{todo}') },
    followUp: [
      {
        slot: 'add',
        bank: b(
          'and {todo}|also add {todo}|{todo} too|and also {todo}',
          '还有{todo}|再加{todo}|加一个：{todo}|再加一项{todo}|{todo}也加上|另外{todo}|仲有{todo}',
        ),
      },
    ],
    related: [
      {
        intent: 'todo_list_update',
        bank: b(
          'cross off {todo}|{todo} is done|remove {todo}|i finished {todo}',
          '把{todo}划掉|{todo}做完了|删掉{todo}|{todo}已经完成了|把{todo}勾掉|{todo}搞掂咗|{todo}搞掂咗，剔走佢',
        ),
      },
      {
        intent: 'todo_list',
        bank: b(
          "what's on my list|what's on it|show me the list|how many things are on it|is that one still there|" +
            'did you get all of them?|how many on there now',
          '清单上有什么|再看一下清单|现在清单上有啥|都有哪些事|念一下待办|看看清单|仲有咩未做|待办仲有乜嘢|睇下仲有咩要做',
        ),
      },
    ],
  },
  todo_list: {
    full: b(
      "what's on my to-do list|what do i have to do|show my tasks|what's on my todo list|read my to do list",
      '我的待办事项有什么|看看待办事项|任务清单上有什么|我还有什么要做的|待办里都有啥|看一下我的任务列表',
    ),
  },
  calculator: {
    full: b(
      "what's {expression}|{expression}|calculate {expression}|what is {expression}|how much is {expression}|{expression}?|can you work out {expression}",
      '{expression}等于多少|算一下{expression}|{expression}是多少',
    ),
    bare: b(
      'i need to do some math|can you calculate something|calculator|help me with a sum|do some maths for me',
      '帮我算个数|我想算点东西',
    ),
    answers: { expression: b('{expression}', '{expression}') },
    followUp: [
      {
        slot: 'expression',
        bank: b(
          'plus {b}|times {b}|and divided by {b}|minus {b}|and of {n}?|then times {b}|divided by {b}|and plus {b}|now minus {b}|and times {b}?',
          ZH_ARITHMETIC_FOLLOW_UPS,
        ),
      },
      {
        // Work on the last result by naming it or by a pronoun ("round that", "结果翻个倍"): round 9's retrains
        // lost such turns (a new sum, or out of scope) where the shipped model kept them on the task.
        slot: 'expression',
        bank: b(
          'round that|round it|round it up|round it down|can you round that|round the answer|round that off|' +
            'double it|double that|halve it|half of that|the answer times {b}|take that and divide by {b}|' +
            'the result divided by {b}|the result minus {b}|and the result plus {b}?|that times {b}|' +
            'that divided by {b}|now divide the answer by {b}|and that times {b}?|the total minus {b}',
          '结果翻个倍|结果翻一番|把结果翻倍|结果减半|结果除以{b}|结果再除以{b}|结果乘以{b}|结果再加{b}|结果减去{b}|' +
            '那结果再乘{b}呢|这个数再除以{b}|得数翻倍|得数再减{b}|再除以{b}看看|再乘{b}看看|翻个倍呢|再翻一番|' +
            '砍一半呢|结果四舍五入|取个整',
        ),
      },
    ],
    correction: { slot: 'expression', bank: b('{expression}', '{expression}') },
    anew: true,
  },
  measurement_conversion: {
    anew: true,
    full: b(
      '{conversion}|{conversion}?|can you tell me {conversion}',
      // With the quantity's own question too (round 12: "how far is 3 miles in km" was read as distance).
      '{n}公斤是多少磅|一英里是多少公里|{n}英里有多远 合多少公里|{n}英尺有多高 是多少厘米|{n}磅有多重 换成公斤呢|' +
        '{n}米有多长 合几英尺|{n}加仑有多少 换成升',
    ),
    bare: b('convert {n} {u1}|i need to convert something', '帮我换算单位'),
    answers: { to: b('{unit}|to {unit}|in {unit}', '{unit}|换成{unit}|转成{unit}|用{unit}|要{unit}|{unit}的') },
    followUp: [
      {
        slot: 'to',
        bank: b(
          'what about in {unit}?|and in {unit}?|and {unit}?|in {unit}',
          '那{unit}呢|换成{unit}呢|用{unit}算呢|是多少{unit}|转成{unit}',
        ),
      },
      {
        slot: 'amount',
        // A new amount with a word on what it is for ("and 12 for the trip back?"): still the amount (round 12).
        bank: b(
          'and {n}?|what about {n} {u1}?|and in {n} {u1}?|and {n} {u1} for the way home?|what about {n} {u1} both ways?|' +
            'and {n} {u1}, round trip?|ok and {n} {u1} for the bigger one?|and {n} for the return leg?',
          '那{n}呢|换成{n}呢|{n}的话呢|那来回{n}呢|往返{n}的话呢|那大的那个{n}呢',
        ),
      },
    ],
  },
  time: {
    full: b(
      "what time is it|what's the time in {place}|time in {place}?|what time is it in {place} right now|current time|what's the time|tell me the time in {place}",
      '现在几点|{place}现在几点|几点了',
    ),
    followUp: [
      {
        slot: 'place',
        bank: b(
          'and in {place}?|what about {place}?|how about {place}|and {place}?|and in {place}|what about in {place}',
          '那{place}呢|{place}呢|{place}几点|那{place}现在几点|{place}那边呢|换成{place}呢',
        ),
      },
    ],
  },
  timezone: {
    full: b(
      "what time zone is {place} in|what's my time zone|which timezone is {place}|what timezone am i in",
      '{place}是哪个时区|我的时区是什么',
    ),
    followUp: [{ slot: 'place', bank: b('and {place}?|what about {place}?|and {place}', '那{place}呢') }],
  },
  date: {
    full: b(
      "what's the date|what day is it|what's the date {date}|what day is {date}|what's today's date|what date is {date}",
      '今天几号|今天星期几|{date}是几号',
    ),
    followUp: [
      {
        slot: 'date',
        bank: b(
          'what about {date}?|and {date}?|and {date}|how about {date}',
          '那{date}呢|{date}呢|{date}是几号|那{date}是星期几',
        ),
      },
      {
        slot: 'date',
        bank: b('what day of the week is that|which weekday is that|and what day is that', '那天星期几'),
      },
    ],
  },
  spelling: {
    full: b(
      'how do you spell {word}|spell {word}|how is {word} spelled|spell {word} for me|can you spell {word}',
      '{word}怎么拼|拼一下{word}',
    ),
    bare: b('can you spell a word for me|i need help spelling something|spell something', '帮我拼个单词'),
    answers: { word: b('{word}', '{word}') },
    followUp: [
      { slot: 'word', bank: b('and {word}?|what about {word}|and {word}', '那{word}呢|{word}呢|{word}怎么拼呢') },
    ],
  },
  change_user_name: {
    full: b('call me {name}|my name is {name}|please call me {name}|i go by {name}', '叫我{name}|我的名字是{name}'),
    bare: b("i'd like you to call me something else|change my name|can you call me something different", '换个称呼'),
    answers: { name: b("{name}|it's {name}|call me {name}", '{name}|叫我{name}') },
    correction: { slot: 'name', bank: b("{name}|it's {name}|call me {name}", '{name}') },
  },
  user_name: { full: b("what's my name|do you know my name|what do you call me", '我叫什么名字') },
  roll_dice: {
    full: b(
      'roll a die|roll two dice|roll a d20|throw the dice|roll a 6 sided die',
      '掷骰子|扔个骰子|摇俩骰子|扔仨骰子',
    ),
    again: b('roll again|roll it again|another roll|reroll|once more, roll', '再掷一次|再扔一次|再摇一次|重新掷'),
  },
  flip_coin: {
    full: b('flip a coin|heads or tails|toss a coin', '抛硬币|扔个硬币'),
    again: b('flip again|flip it again|toss it again|another flip', '再抛一次|再扔一次|再抛一个'),
  },
  tell_joke: {
    full: b('tell me a joke|make me laugh|got any jokes', '讲个笑话'),
    again: b(
      'tell me another|another joke|one more joke|got another one?',
      '再讲一个|再说一个|再来个笑话|还有吗|再讲个',
    ),
  },
  fun_fact: {
    full: b('tell me a fun fact|tell me something interesting', '讲个有趣的事'),
    again: b(
      'another fact|tell me another|one more fact',
      '再讲一个|再说一个|还有吗|再来一个冷知识|再来一条|再来一条呗 求你了|再讲一条|还有别的冷知识吗',
    ),
  },
};
