/**
 * Writes one benchmark's section of `BENCHMARKS.md`, between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->`, leaving every other section as it was, so each `npm run bench:*`
 * can be run on its own.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../BENCHMARKS.md', import.meta.url);
const HEADER = `# Benchmarks\n\nFigures written by \`npm run bench\` (or one \`npm run bench:NAME\`) on the machine named in each section.\nEvery row is compared with its anchor measured in the same run, as a ratio: the machine is shared and noisy.\n`;

/**
 * Replaces (or appends) the section `name` of BENCHMARKS.md with `markdown`.
 * @param name short id, e.g. `nlu`, `store`, `widget`
 * @param markdown the section body, starting with its own `## ` heading
 */
export function writeBenchSection(name: string, markdown: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + close.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
}

/** A line naming the machine and date, for the top of a section. */
export function machineLine(): string {
  return `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.version}, ${process.platform}/${process.arch}.`;
}

/** Renders a markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
