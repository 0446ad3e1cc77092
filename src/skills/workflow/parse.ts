/**
 * `parseWorkflow`: YAML text to a validated, compiled workflow. Every error names the line and
 * column of the node at fault.
 *
 * @module
 */
import type { Node } from 'yaml';
import type { SlotDefinition } from '../types.ts';
import type { WorkflowSpec } from './types.ts';
import { SkillError } from '../../errors.ts';
import { validateManifest } from '../manifest.ts';
import { LineCounter, YamlProblem, parseSafeYaml } from './yaml-safe.ts';
import { fields, plain, steps, str } from './schema.ts';

const TOP_LEVEL = [
  'id',
  'version',
  'description',
  'intentDescriptions',
  'intents',
  'slots',
  'permissions',
  'timeoutMs',
  'steps',
] as const;

/** Options of {@link parseWorkflow}. */
export interface ParseWorkflowOptions {
  /** A file name for messages. @default 'workflow' */
  source?: string;
}

/**
 * Parses and validates a YAML workflow.
 *
 * @param text the YAML source
 * @returns the manifest and compiled steps
 * @throws {SkillError} code `workflow`, with a message like `tides.yaml, line 12, column 5: steps[2].ask: "city" is not a declared slot`
 * @throws {TypeError} when `text` is not a string
 */
export function parseWorkflow(text: string, options: ParseWorkflowOptions = {}): WorkflowSpec {
  if (typeof text !== 'string') throw new TypeError('parseWorkflow: the workflow must be YAML text');
  const source = options.source ?? 'workflow';
  const lines = new LineCounter();
  let skillId = 'workflow';
  try {
    const parsed = { doc: parseSafeYaml(text, lines) };
    const top = fields(parsed.doc.contents, 'the workflow', TOP_LEVEL);
    const idNode = top.get('id')?.value;
    if (idNode !== undefined && idNode !== null) skillId = str(idNode, 'id');

    const raw: Record<string, unknown> = {};
    for (const key of TOP_LEVEL) {
      const entry = top.get(key);
      if (entry !== undefined && key !== 'steps') raw[key] = toPlainJs(plain(entry.value));
    }
    let manifest;
    try {
      manifest = validateManifest(raw, 'workflow');
    } catch (error) {
      if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
      // Point at the field the message names (`…: version must be…`, `…: slots[1].kind…`).
      const field = /\): ([a-zA-Z]+)|^workflow: ([a-zA-Z]+)/.exec(error.message);
      const name = field?.[1] ?? field?.[2];
      const at = (name !== undefined ? top.get(name)?.value : undefined) ?? parsed.doc.contents;
      throw new YamlProblem(error.message.replace(/^workflow(\([^)]*\))?: /, ''), (at as Node | null)?.range?.[0] ?? 0);
    }
    const stepsEntry = top.get('steps');
    if (stepsEntry === undefined) throw new YamlProblem('a workflow needs steps', 0);
    const compiled = steps(stepsEntry.value, 'steps', {
      slots: new Set((manifest.slots ?? []).map((s: SlotDefinition) => s.name)),
      origins: new Set(manifest.permissions?.network ?? []),
      skillId: manifest.id,
    });
    return { manifest, steps: compiled };
  } catch (error) {
    if (error instanceof YamlProblem) {
      const pos = lines.linePos(error.offset);
      throw new SkillError(`${source}, line ${pos.line}, column ${pos.col}: ${error.message}`, skillId, {
        code: 'workflow',
      });
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new SkillError(`${source}: the workflow nests too deeply`, skillId, { code: 'workflow' });
    }
    throw error;
  }
}

/** Null-prototype records to ordinary objects for `validateManifest` (which copies what it keeps). */
function toPlainJs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainJs);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      Object.defineProperty(out, key, {
        value: toPlainJs((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}
