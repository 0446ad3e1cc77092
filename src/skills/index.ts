/**
 * The skills layer's surface inside the repository (the engine, the CLI, benches, tests); the package's
 * public skills API is `src/entries/skills.ts`.
 *
 * @module
 */

export { createSkillRuntime } from './runtime.ts';
export { createScheduler } from './scheduler.ts';
