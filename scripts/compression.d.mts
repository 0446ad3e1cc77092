/** Content types worth compressing: text, JSON, JavaScript, WebAssembly and the ONNX models. */
export declare const COMPRESSIBLE: RegExp;
/** The encoding to answer with for an `Accept-Encoding` header: `br`, `gzip` or none. */
export declare function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined;
/** Compresses a body, cached under `key` when given (it should name the file and its version). */
export declare function compress(body: Buffer, encoding: 'br' | 'gzip', key?: string): Promise<Buffer>;
/** A Koa middleware (for @web/dev-server) that compresses what the rest of the server answered. */
export declare function compressionMiddleware(): (ctx: unknown, next: () => Promise<void>) => Promise<void>;
