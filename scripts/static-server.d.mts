/** A file under the served root, as read from disk. */
export interface StaticFile {
  file: string;
  body: Buffer;
  type: string;
  version: number;
}
/** Reads the file a URL path names under `root` (a folder's `index.html`), refusing paths that leave it. */
export declare function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined>;
/** Whether a JavaScript module imports a package by its bare name (`from 'comlink'`). */
export declare function importsPackages(file: { body: Buffer; type: string }): boolean;
/** Serves `root` on http://127.0.0.1:<port> (0: a free one), compressed, with `headers` on every response. */
export declare function serveStatic(options: {
  root: string;
  port?: number;
  headers?: Record<string, string>;
}): Promise<{ url: string; bytesSent(): number; close(): Promise<void> }>;
