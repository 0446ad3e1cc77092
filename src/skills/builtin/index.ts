/**
 * The built-in skills of the default assistant.
 *
 * @module
 */
export { builtinSkills, createBuiltinSkills } from './builtin-skills.ts';
