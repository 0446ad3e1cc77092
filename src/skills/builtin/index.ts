/**
 * The built-in skills of the default assistant.
 *
 * @module
 */
export { builtinSkills, createBuiltinSkills, type BuiltinSkillOptions } from './builtin-skills.ts';
export { CalcError, evaluateExpression, type CalcErrorReason } from './expression.ts';
