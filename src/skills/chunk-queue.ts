/**
 * A small push-to-pull queue of text chunks: callbacks push (a remote skill's `delta`, an SSE
 * reader), one consumer pulls them as an `AsyncIterable<string>`.
 *
 * @module
 */

/** The queue. @internal */
export interface ChunkQueue {
  push(text: string): void;
  /** No more chunks: the iteration ends after the buffered ones. */
  end(): void;
  /** The iteration throws `error` after the buffered chunks. */
  fail(error: unknown): void;
  /** Resolves when the first chunk arrives (never, if none does). */
  firstChunk(): Promise<void>;
  /** `true` once a chunk was pushed. */
  started(): boolean;
  iterate(): AsyncIterable<string>;
}

/** Creates a chunk queue. @internal */
export function createChunkQueue(): ChunkQueue {
  const buffer: string[] = [];
  let finished: { error?: unknown } | undefined;
  let wake: (() => void) | undefined;
  let started = false;
  let markFirst: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (markFirst = resolve));
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(text) {
      if (finished !== undefined) return;
      buffer.push(text);
      started = true;
      markFirst();
      notify();
    },
    end() {
      finished ??= {};
      notify();
    },
    fail(error) {
      finished ??= { error };
      notify();
    },
    firstChunk: () => first,
    started: () => started,
    async *iterate() {
      for (;;) {
        if (buffer.length > 0) {
          yield buffer.shift()!;
          continue;
        }
        if (finished !== undefined) {
          if ('error' in finished) throw finished.error;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
