/**
 * Loads the host side of app-defined skills (serving, manifests, scoped fetch) when an assistant
 * with app skills starts in a Worker. Kept in its own module so the script-tag build, which cannot
 * split chunks, can swap it for a loader of `confidant-skills.js` next to `confidant.iife.js`: a
 * page without app skills then does not download the skills runtime (as for DOMPurify).
 *
 * @module
 */
import type * as AppSkillHost from './app-skill-host.ts';

/** Imports `app-skill-host.ts`. @internal */
export const loadAppSkillHost = (): Promise<typeof AppSkillHost> => import('./app-skill-host.ts');
