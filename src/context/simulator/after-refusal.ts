/**
 * What a user says after a request the assistant could not serve (an intent no registered skill
 * answers, replied to with "I can't do that here yet"). Two kinds of turn, which often open with the
 * same word:
 * - a COMPLETE request for something the assistant does serve, framed as a follow-on ("ok then, set a
 *   timer for 5 minutes", "那就提醒我明天交房租"): it starts that task; the refused intent is over;
 * - a bare, elliptic follow-up ("and tomorrow?", "那后天呢"): it carries no request of its own and still
 *   means the refused intent (which then gets the same honest reply).
 * Without the first kind the simulator only ever framed the refused intent's follow-ups with "and" /
 * "那", and round 6's retrain took a framed request for a follow-up of the refused one.
 *
 * The lexicons are written here from everyday chat; never copied from an evaluation set.
 *
 * @module
 */
import { split, type Bank } from './acts.ts';

/**
 * Follow-on frames around a complete request (`{r}`): what people put before a new request once
 * the last one was refused.
 */
export const THEN_FRAMES: Bank = {
  en: split(
    'ok then {r}|okay then, {r}|ok {r}|fine, {r}|fine then {r}|alright then {r}|alright, {r} instead|{r} instead|' +
      'and {r}|and then {r}|then {r}|so {r}|well then {r}|oh well, {r}|oh ok, {r}|ah ok {r}|too bad. {r}|' +
      "that's a shame, {r}|no worries, {r}|ok no problem, {r}|shame. {r} then|" +
      'ok what about this: {r}|hmm ok {r}|oh well then {r}|ok but {r}|got it, {r}|ok fair, {r}|right. {r}|' +
      'in that case {r}|ok in that case, {r}|never mind that then, {r}|ok {r} then|sure, {r} then',
  ),
  zh: split(
    '那{r}|那{r}|那就{r}|那{r}吧|那你{r}|好吧，那{r}|好吧{r}|行吧，{r}|行，那{r}|那行，{r}|算了，那{r}|算了，{r}|' +
      '那好，{r}|那这样，{r}|好的，那{r}|哦，那{r}|噢那{r}|可惜，那{r}|没事，那{r}|没关系，{r}|那换个，{r}|' +
      '那先{r}|那么{r}|那个，{r}|嗯那{r}|那麻烦{r}',
  ),
};

/**
 * Bare follow-ups of a refused request: a day, a place or "the same for…", with no request of its
 * own (`{date}`, `{place}` filled by the simulator's generators).
 */
export const ELLIPTIC_FOLLOW: Bank = {
  en: split(
    'what about tomorrow?|and tomorrow?|how about in {place}?|and in {place}?|what about {date}?|and for {date}?|' +
      'and next week?|what about {place}|ok what about tomorrow|and the day after?|same for {place}|' +
      'ok and {place}?|and {date}?|how about {date} then|what about the weekend?|and on {date}|then {place}?|' +
      'ok {date} then?|and for {place}|hmm and {place}?|what about next month?|and tonight?|what about this weekend|' +
      'ok but {date}?|same thing for {date}?|and for next week?|how about {place} instead?',
  ),
  zh: split(
    '那明天呢|那{place}呢|{date}呢|后天呢|那下周呢|那{date}呢|{place}呢|那{place}的呢|那周末呢|那今晚呢|' +
      '换成{place}呢|那{date}的呢|下个月呢|那下周末呢|那{place}怎么样|{date}的呢|那改成{date}呢|那{place}那边呢|' +
      '那大后天呢|那今天呢',
  ),
};
