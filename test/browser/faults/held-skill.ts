/**
 * An app skill for the fault tests whose first call hangs until the test releases it, so a fault
 * (a Worker killed, the database deleted) can strike in the middle of a turn; later calls answer
 * at once.
 */
import { defineSkill, type SkillDefinition } from '../../../src/index.ts';

/** The skill's answer once released, and on every later call. */
export const HELD_REPLY = 'Your order shipped yesterday.';

/** A skill for `order_status` whose first call waits; `started` resolves when it is waiting. */
export function heldSkill(): { skill: SkillDefinition; started: Promise<void>; release(): void; calls(): number } {
  let calls = 0;
  let release: () => void = () => {};
  let started: () => void = () => {};
  const running = new Promise<void>((resolve) => (started = resolve));
  const skill = defineSkill({
    id: 'test.orders',
    version: '1.0.0',
    intents: ['order_status'],
    async execute() {
      if (++calls === 1) {
        started();
        await new Promise<void>((resolve) => (release = resolve));
      }
      return HELD_REPLY;
    },
  });
  return { skill, started: running, release: () => release(), calls: () => calls };
}
