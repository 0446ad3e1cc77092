// Type tests of the engine contract (src/engine/contract.ts): each group of an `Assistant` has exactly the
// methods the contract's table puts in it, so a method moved in the table moves on the assistant's type too.
// `npm test` type-checks this file.
import type { EngineMethodsIn } from '../../src/engine/contract.ts';
import type { Assistant, AssistantModels, AssistantSkills, AssistantStore } from '../../src/index.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/** What the assistant adds by hand around the engine: its turns, events, lifecycle and the groups. */
type OwnMembers = 'model' | 'status' | 'send' | 'stream' | 'on' | 'dispose' | 'store' | 'skills' | 'models';

export type Checks = [
  Expect<Equal<keyof AssistantStore, keyof EngineMethodsIn<'store'>>>,
  Expect<Equal<keyof AssistantSkills, keyof EngineMethodsIn<'skills'>>>,
  Expect<Equal<keyof AssistantModels, keyof EngineMethodsIn<'models'>>>,
  Expect<Equal<Exclude<keyof Assistant, OwnMembers>, keyof EngineMethodsIn<'assistant'>>>,
  // The plumbing stays off the assistant.
  Expect<Equal<keyof EngineMethodsIn<'engine'> & keyof EngineMethodsIn<'store' | 'skills' | 'models'>, never>>,
];
