/**
 * Paces the download progress a starting engine reports. A file arrives in hundreds of network
 * chunks (the 14 MB wasm in ~200 or more): one `progress` event per chunk is one message to the
 * page, and its answer, and a re-render of the progress bar there, on a thread the cold start
 * shares its CPU with (a trace of a cold open on two busy cores: the page's thread spent 0.5 s
 * receiving the Worker's messages). A bar redrawn ten times a second looks the same.
 *
 * @module
 */
import type { ProgressEvent } from './types.ts';

/** The shortest time between two `progress` events of one file. @internal */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Wraps a progress callback so that each file's `progress` events come at most once per
 * `intervalMs`: its first one and its last one (all bytes in) always pass, and so does every
 * other kind of event (`initiate`, `done`, `ready`).
 * @param onProgress the callback to pace
 * @param intervalMs the shortest time between two `progress` events of one file
 * @param now the clock, in milliseconds
 * @returns the paced callback
 * @internal
 */
export function paceProgress(
  onProgress: (event: ProgressEvent) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
  now: () => number = () => performance.now(),
): (event: ProgressEvent) => void {
  const shown = new Map<string, number>();
  return (event) => {
    // Not the last one of a file (all bytes in, `loaded === total`): while the size is unknown, `total` is 0.
    if (event.status === 'progress' && (event.loaded < event.total || event.total === 0)) {
      const at = now();
      const last = shown.get(event.file);
      if (last !== undefined && at - last < intervalMs) return;
      shown.set(event.file, at);
    }
    onProgress(event);
  };
}
