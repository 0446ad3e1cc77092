/**
 * `confidant <command> --help`: what each command does, its arguments and options, and where its file
 * formats are documented (docs/formats.md). The usage lines come from the commands themselves.
 *
 * @module
 */
import { EVAL_USAGE } from './eval.ts';
import { PREDICT_USAGE } from './predict.ts';
import { TRAIN_USAGE } from './train.ts';
import { EVAL_DIALOGUES_USAGE } from './eval-dialogues.ts';
import { TRAIN_CONTEXT_USAGE } from './train-context.ts';
import { CONVERT_CONTEXT_USAGE } from './convert-context.ts';

const FORMATS = 'File formats: docs/formats.md in the package (node_modules/confidant-assistant/docs/formats.md).';

/** The help text of each command. */
export const COMMAND_HELP: Record<string, string> = {
  train: `usage: ${TRAIN_USAGE}

Trains an intent model on a corpus and writes it as a self-describing .onnx file.

  <corpus>             Confidant YAML/JSON, Rasa nlu.yml, NLP.js JSON, or a dataset JSON (its train split)
  -o, --out FILE       where to write the model (required)
  --quantize           store uint8 embeddings: a model about 4x smaller
  --seed N             the trainer's random seed (default 1): the same corpus and seed give the same model
  --epochs N           training epochs (default 12)
  --name NAME          the model's name in its metadata (default: the corpus's)
  --model-version V    the model's version in its metadata
  --threads 1|2        training threads (default 1; the model is the same either way)
  -q, --quiet          no progress on stderr

${FORMATS}`,
  eval: `usage: ${EVAL_USAGE}

Evaluates a model on one split of a dataset: accuracy, in-scope accuracy, out-of-scope recall, macro F1.

  <model.onnx>         the model to evaluate
  <dataset.json>       a dataset: { "name", "splits": { "train": [...], "test": [...] } }, each example
                       { "text", "intent" }; the intent "oos" marks out-of-scope
  --split NAME         the split to evaluate (default test)
  --json               print the report as JSON

${FORMATS}`,
  predict: `usage: ${PREDICT_USAGE}

Classifies one utterance: the intent, its confidence, the runners-up and the entities found.

  <model.onnx>         the model
  "text"               the utterance, quoted
  --top N              how many intents to list (default 5)
  --json               print the result as JSON`,
  'eval-dialogues': `usage: ${EVAL_DIALOGUES_USAGE}

Plays a multi-turn dialogue file through the whole assistant (model, entities, dialogue manager,
built-in skills, an encrypted in-memory store) on a fixed clock, and reports turn-level intent
accuracy, slot accuracy and whole-dialogue success.

  <dialogues.json>     [{ "name"?, "turns": [{ "user": "...", "expect": { "intent", "slots"?, "replyIncludes"? } }] }]
  --model FILE         the intent model (default: the bundled assistant-en.onnx)
  --context-model FILE the context model (default: the bundled assistant-context.onnx)
  --no-tagger          without the slot tagger (slots from the skills' own extractors only)
  --json               print the figures as JSON
  --verbose            list every failed turn, with the context model's decision: the command and the
                       runners-up, the switch probability, the best candidate intents and slots

${FORMATS}`,
  'convert-context': `usage: ${CONVERT_CONTEXT_USAGE}

Rewrites a context model of an older format (format 1 took every candidate's words on every turn)
into the current one: the same weights byte for byte and the same metadata, so its decisions stay
those of the old file, with no retraining. The result is loaded and test-run before it is written.

  <in.onnx>            the context model to convert
  <out.onnx>           where to write the converted model (may be the same file)`,
  'train-context': `usage: ${TRAIN_CONTEXT_USAGE}

Trains the context model that decides how each turn relates to the conversation, on dialogues the
simulator makes from the skills' manifests, the intent corpora and dialogue-act phrase banks.

  --data          English intent dataset in the shared schema (CLINC150); train and val splits are used
  --zh-data       Chinese dataset in the same schema @default models/corpora/zh/clinc150-zh.json
  -o, --out       where to write the model @default models/assistant-context.onnx
  --card          where to write its model card @default next to the model, .md
  --dialogues     simulated training dialogues @default 12000 (validation: an eighth as many, another seed)
  --seed          seed of the simulation and the trainer @default 1
  --epochs        training epochs (the best on simulated validation is kept) @default 10
  --intent-model  the intent model the turns go through @default the shipped English and Chinese ones, by language
  --dev           dialogue sets to report on the card (comma-separated) @default none; the frozen test
                  sets are never played here: \`npm run bench:context\` reports them
`,
};
