/**
 * The scheduler behind `ctx.schedule`: replies announced later (timers, reminders). Entries are kept
 * in the store's encrypted settings, so they survive a reload; while the page is open one
 * `setTimeout` is armed for the earliest entry; on start, entries whose time passed while the page
 * was closed fire at once, marked `missed`.
 *
 * @module
 */
import type { HistoryStore } from '../store/types.ts';
import type { ScheduledReply, SkillContext } from './types.ts';

/** A stored entry. */
export interface ScheduledEntry extends ScheduledReply {
  id: string;
  skillId: string;
  conversationId: string;
}

/** What `onFire` receives. */
export interface FiredReply extends ScheduledEntry {
  /** `true` when its time passed while the page was closed. */
  missed: boolean;
}

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  store: HistoryStore;
  /** Announces a reply (the engine stores it and emits a `notification`). A rejection keeps the entry for the next start. */
  onFire: (conversationId: string, reply: FiredReply) => void | Promise<void>;
  /** @default Date.now */
  now?: () => number;
  /** Pending entries one skill may hold. @default 100 */
  maxPerSkill?: number;
}

/** The scheduler. */
export interface SkillScheduler {
  /** Loads stored entries, fires missed ones and arms the timer. Call once the store is open. */
  start(): Promise<void>;
  /** Disarms the timer (entries stay stored). */
  stop(): void;
  /** Every pending entry, earliest first. */
  list(): Promise<ScheduledEntry[]>;
  /** `ctx.schedule` for one skill in one conversation: it sees and cancels only its own entries. */
  forSkill(skillId: string, conversationId: string): NonNullable<SkillContext['schedule']>;
}

const KEY = 'skills.schedule';
/** setTimeout's delay is a signed 32-bit integer: longer waits are re-armed in steps. */
const MAX_DELAY = 2 ** 31 - 1;
const MAX_TEXT = 2_000;

/** Creates the scheduler. */
export function createScheduler(options: SchedulerOptions): SkillScheduler {
  const { store, onFire } = options;
  const now = options.now ?? Date.now;
  const maxPerSkill = options.maxPerSkill ?? 100;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  /** Entries whose announcement failed: kept in the store for the next start, not re-armed now. */
  const deferred = new Set<string>();
  /** Counts `arm` calls: one that finishes after a later one started is stale and does nothing. */
  let arming = 0;
  /** Counts writes of the list (settled or failed): a handle's copy taken before one is not used again. */
  let written = 0;

  const load = async (): Promise<ScheduledEntry[]> => {
    const raw = await store.settings().get<ScheduledEntry[]>(KEY);
    return Array.isArray(raw) ? raw : [];
  };
  /** Serializes every read-modify-write of the list. */
  const locked = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };
  /** Writes the list and returns it as written (sorted), so the caller can re-arm without reading it back. */
  const save = async (entries: ScheduledEntry[]): Promise<ScheduledEntry[]> => {
    const sorted = [...entries].sort((a, b) => a.at - b.at);
    try {
      await store.settings().set(KEY, sorted);
    } finally {
      written++;
    }
    return sorted;
  };

  const fireDue = (missedBefore?: number) =>
    locked(async () => {
      const t = now();
      const entries = await load();
      const due = entries.filter((e) => e.at <= t);
      const fired = new Set<string>();
      for (const entry of due) {
        try {
          await onFire(entry.conversationId, {
            ...entry,
            missed: missedBefore !== undefined && entry.at < missedBefore,
          });
          fired.add(entry.id);
        } catch {
          // Kept: the announcement is retried on the next start rather than lost (not before: no retry loop).
          deferred.add(entry.id);
        }
      }
      if (fired.size > 0) await save((await load()).filter((e) => !fired.has(e.id)));
    });

  /**
   * Arms the timer for the earliest entry (at once when it is already due).
   * @param known the list as just written by the caller (saves reading it back: one IndexedDB
   *   transaction less per timer set or cancelled); read from the store when omitted
   */
  const arm = async (known?: ScheduledEntry[]) => {
    if (!running) return;
    const ticket = ++arming;
    const entries = known ?? (await load());
    // Of two overlapping re-arms the one started last wins (it saw the newer list), whichever
    // finishes first; the timer is cleared only then, so none leaks.
    if (ticket !== arming || !running) return;
    clearTimeout(timer);
    const t = now();
    // The earliest entry, due or not: a timer may fire a millisecond early (so `fireDue` found nothing),
    // and by the time the list is read back that entry is past due. Skipping due entries here left it
    // waiting for ever; arming for it fires it at once.
    const next = entries.reduce((m, e) => (deferred.has(e.id) ? m : Math.min(m, e.at)), Infinity);
    if (next === Infinity) return;
    timer = setTimeout(
      () => {
        void fireDue().then(
          () => arm(),
          () => arm(),
        );
      },
      Math.min(MAX_DELAY, Math.max(0, next - t)),
    );
  };

  return {
    async start() {
      running = true;
      deferred.clear();
      await fireDue(now());
      await arm();
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
    list: () => locked(load),
    forSkill(skillId, conversationId) {
      // The list as this handle last read or wrote it, while no other write of this scheduler came
      // between (a fired entry, another handle's add): a handle serves one skill invocation, and a
      // turn that lists then cancels ("stop the timer"), cancels several (every reminder) or moves
      // one (cancel + add) reads and decrypts the list once, not once per call. Each call still runs
      // under the lock, so it sees every write of this scheduler before it. Another tab's scheduler
      // writing between two calls was a race before too (each call read, then wrote, in two
      // transactions); its window is now the invocation rather than one call.
      let known: { entries: ScheduledEntry[]; written: number } | undefined;
      const keep = (entries: ScheduledEntry[]): ScheduledEntry[] => {
        known = { entries, written };
        return entries;
      };
      const read = async (): Promise<ScheduledEntry[]> =>
        known !== undefined && known.written === written ? known.entries : keep(await load());
      return Object.freeze({
        add: async (reply: ScheduledReply): Promise<string> => {
          if (typeof reply !== 'object' || reply === null) throw new TypeError('schedule.add takes { at, text }');
          const { at, text } = reply;
          if (typeof at !== 'number' || !Number.isFinite(at))
            throw new TypeError('schedule.add: at must be epoch milliseconds');
          if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
            throw new TypeError(`schedule.add: text must be a non-empty string of at most ${MAX_TEXT} characters`);
          }
          const id = crypto.randomUUID();
          const saved = await locked(async () => {
            const entries = await read();
            if (entries.filter((e) => e.skillId === skillId).length >= maxPerSkill) {
              throw new RangeError(`schedule.add: skill ${skillId} already has ${maxPerSkill} pending replies`);
            }
            return keep(await save([...entries, { id, skillId, conversationId, at, text }]));
          });
          if (at <= now() && running) {
            await fireDue();
            await arm();
          } else {
            await arm(saved);
          }
          return id;
        },
        cancel: async (id: string): Promise<void> => {
          await arm(
            await locked(async () =>
              keep(await save((await read()).filter((e) => !(e.id === id && e.skillId === skillId)))),
            ),
          );
        },
        list: async () =>
          (await locked(read)).filter((e) => e.skillId === skillId).map(({ id, at, text }) => ({ id, at, text })),
      });
    },
  };
}
