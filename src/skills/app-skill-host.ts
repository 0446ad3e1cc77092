/**
 * The host side of the host's skills when the engine runs in a Worker: workflows and webhooks go
 * to the engine as data and run there; the code of other app-defined skills stays in the app's
 * page, the engine gets their manifests and calls them back through `EngineHost`.
 * @internal
 */
import type { EngineHost } from '../engine/types.ts';
import type { SkillDefinition } from './types.ts';
import type { SkillManifest } from './manifest.ts';
import { declarationOf, tokenProviderOf, type SkillDeclaration } from './declaration.ts';
import { manifestOf } from './remote-skill.ts';
import { serveSkill, type ServedSkill } from './serve-skill.ts';
import { checkAppSkills } from './define-skill.ts';

/** What the engine is sent for each skill, in order: its declaration, else its manifest. @internal */
export function engineSkillsOf(skills: readonly SkillDefinition[]): (SkillManifest | SkillDeclaration)[] {
  return skills.map((skill) => declarationOf(skill) ?? manifestOf(skill));
}

/** Serves app-defined skills (and declared webhooks' token providers) to an engine in a Worker. @internal */
export function hostFor(skills: readonly SkillDefinition[]): EngineHost {
  checkAppSkills(skills);
  const served = new Map<string, ServedSkill>(
    skills.filter((skill) => declarationOf(skill) === undefined).map((skill) => [skill.id, serveSkill(skill)]),
  );
  const tokens = new Map(skills.map((skill) => [skill.id, tokenProviderOf(skill)] as const));
  const get = (skillId: string) => {
    const skill = served.get(skillId);
    if (skill === undefined) throw new RangeError(`No app skill ${skillId}`);
    return skill;
  };
  return {
    invokeSkill: (skillId, call, endpoint) => get(skillId).invoke(call, endpoint),
    abortSkill: async (skillId, callId, reason) => get(skillId).abort(callId, reason),
    async skillToken(skillId) {
      const provider = tokens.get(skillId);
      if (provider === undefined) throw new RangeError(`No token provider for skill ${skillId}`);
      const token = await provider();
      return typeof token === 'string' ? token : undefined;
    },
  };
}
