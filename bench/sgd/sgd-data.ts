/**
 * Reads the Schema-Guided Dialogue dataset as converted in ../shared/datasets/sgd.json.gz (see its
 * README: CC BY-SA 4.0, Rastogi et al. 2020; a partial copy of the original files). Only read
 * here: the models trained on it are evaluated and thrown away, never written to the repository.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A dialogue act: `{ service, act, slot?, value? }` with SGD's act names. */
export interface SgdAct {
  service: string;
  act: string;
  slot?: string;
  value?: string;
}

/** One service's state after a user turn. */
export interface SgdFrame {
  service: string;
  /** The service's active intent after the turn, `NONE` before any. */
  activeIntent: string;
  requestedSlots: string[];
  slotValues: Record<string, string[]>;
}

/** One user turn with the system utterance that preceded it. */
export interface SgdTurn {
  system?: string;
  systemActs?: SgdAct[];
  user: string;
  userActs: SgdAct[];
  frames: SgdFrame[];
}

export interface SgdDialogue {
  id: string;
  services: string[];
  turns: SgdTurn[];
}

export interface SgdIntent {
  name: string;
  description: string;
  requiredSlots: string[];
  optionalSlots: string[];
}

export interface SgdSchema {
  description: string;
  intents: SgdIntent[];
  slots: { name: string; description: string; categorical: boolean; values?: string[] }[];
}

export interface SgdDataset {
  name: string;
  license: string;
  citation: string;
  notes: string;
  schemas: Record<string, SgdSchema>;
  splits: { train: SgdDialogue[]; val: SgdDialogue[]; test: SgdDialogue[] };
}

/**
 * Reads and checks the gzipped dataset.
 * @param path the `.json.gz` file
 * @returns the dataset
 * @throws {Error} naming the file when it is missing or not SGD in the expected shape
 */
export function readSgd(path: string): SgdDataset {
  let data: SgdDataset;
  try {
    data = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as SgdDataset;
  } catch (cause) {
    throw new Error(`cannot read the SGD dataset at ${path} (pass --data <sgd.json.gz>)`, { cause });
  }
  const splits = data?.splits;
  if (typeof data?.schemas !== 'object' || !Array.isArray(splits?.train) || !Array.isArray(splits?.test))
    throw new Error(`${path} is not the converted SGD dataset (no schemas or splits)`);
  for (const split of [splits.train, splits.val, splits.test]) {
    for (const d of split) {
      for (const t of d.turns) {
        for (const f of t.frames) {
          if (data.schemas[f.service] === undefined)
            throw new Error(`${path}: dialogue ${d.id} has a frame of unknown service ${f.service}`);
        }
      }
    }
  }
  return data;
}

/**
 * The services that occur in a split's dialogues.
 * @param dialogues the split
 * @returns their service names
 */
export function servicesOf(dialogues: readonly SgdDialogue[]): Set<string> {
  return new Set(dialogues.flatMap((d) => d.services));
}
