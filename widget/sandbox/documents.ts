/**
 * What a third-party skill sandbox is made of: the `srcdoc` of its frame, the source of its Worker,
 * and the Content Security Policy both run under.
 *
 * ```
 * host page ─ frame (sandbox="allow-scripts": opaque origin; srcdoc; runs FRAME_SOURCE only)
 *               CSP: default-src 'none'; script-src <frame script hash>; worker-src blob:; …
 *               └─ Worker (blob:, the same opaque origin, the same policy inherited)
 *                    WORKER_BOOTSTRAP_SOURCE + the bundle
 * ```
 * Why the bundle runs in a Worker started by the frame, not in the frame (issue 16): a document
 * can open a connection to any host without a request CSP would stop — its nested frames, its own
 * navigation (`location`, meta refresh, an anchor click, `download`), a form, `window.open`,
 * preconnects — and Chromium has no `navigate-to`. A Worker has no document: no frames, no
 * elements, no navigation, no images, styles or link hints. What it has — `fetch`, XHR,
 * WebSocket, EventSource, `importScripts`, `import()`, nested Workers, `FontFace` — is governed by
 * the policy it inherits from the frame, which allows no connection at all (`default-src 'none'`
 * and no `connect-src`). Every capability, the skill's `ctx.fetch` included, is a message to the
 * host over a `MessagePort`, checked by the engine against what the skill declared and was granted.
 * The opaque origin keeps the host's cookies, storage and databases out of reach.
 *
 * The frame's script is allowed by hash, so the frame runs exactly that; the bundle is checked
 * against its integrity pin before it is handed over (`iframe-host.ts`).
 *
 * @module
 */
import { toBase64 } from '../../src/skills/integrity.ts';
import { FRAME_SOURCE, WORKER_BOOTSTRAP_SOURCE } from './bootstrap.ts';

/** Powerful features denied to the frame (and so its Worker) through Permissions Policy. */
export const SANDBOX_ALLOW =
  "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'; serial 'none'; hid 'none'; " +
  "bluetooth 'none'; midi 'none'; clipboard-read 'none'; clipboard-write 'none'; display-capture 'none'; " +
  "publickey-credentials-get 'none'; fullscreen 'none'";

/** The SHA-256 CSP hash source of a script's text. */
async function hashSource(script: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  return `'sha256-${toBase64(new Uint8Array(digest))}'`;
}

/** A sandbox's parts. */
export interface SandboxDocuments {
  /** `srcdoc` of the frame the host creates. */
  frame: string;
  /** The Worker's script: the bootstrap, then the bundle. The frame starts it from a `blob:` URL. */
  worker: string;
  /** The policy of the frame and of the Worker (for tests, debugging, and a host page's own CSP). */
  csp: string;
}

/**
 * Builds a sandbox's parts for a bundle.
 *
 * @param bundle the bundle's text, already checked against its integrity pin
 * @returns the frame document, the Worker script and their policy
 */
export async function buildSandboxDocuments(bundle: string): Promise<SandboxDocuments> {
  const frameScript = await hashSource(FRAME_SOURCE);
  // No connect-src, img-src, font-src…: default-src 'none' refuses every fetch the Worker could make.
  // base-uri and form-action do not fall back to default-src, so they are named.
  const csp = `default-src 'none'; script-src ${frameScript}; worker-src blob:; base-uri 'none'; form-action 'none'`;
  return {
    csp,
    frame:
      '<!doctype html><html><head><meta charset="utf-8">' +
      `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
      '<meta http-equiv="x-dns-prefetch-control" content="off"><meta name="referrer" content="no-referrer">' +
      `<script>${FRAME_SOURCE}</script></head><body></body></html>`,
    // A line break and a semicolon: the bundle starts a statement of its own whatever it begins with.
    worker: `${WORKER_BOOTSTRAP_SOURCE}\n;\n${bundle}`,
  };
}
