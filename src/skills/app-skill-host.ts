/**
 * The host side of app-defined skills when the engine runs in a Worker: their manifests go to the
 * engine, their code stays in the app's page and is called back through `EngineHost`.
 * @internal
 */
import type { EngineHost } from '../engine/types.ts';
import type { SkillDefinition } from './types.ts';
import { serveSkill, type ServedSkill } from './serve-skill.ts';

export { manifestOf } from './remote-skill.ts';

/** Serves app-defined skills to an engine in a Worker. @internal */
export function hostFor(skills: readonly SkillDefinition[]): EngineHost {
  const served = new Map<string, ServedSkill>(skills.map((skill) => [skill.id, serveSkill(skill)]));
  const get = (skillId: string) => {
    const skill = served.get(skillId);
    if (skill === undefined) throw new RangeError(`No app skill ${skillId}`);
    return skill;
  };
  return {
    invokeSkill: (skillId, call, endpoint) => get(skillId).invoke(call, endpoint),
    abortSkill: async (skillId, callId, reason) => get(skillId).abort(callId, reason),
  };
}
