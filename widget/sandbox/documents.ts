/**
 * The two `srcdoc` documents of a third-party skill sandbox, and their Content Security Policies.
 *
 * ```
 * host page ─ wrapper iframe (sandbox="allow-scripts", opaque origin)
 *               CSP: default-src 'none'; script-src <hashes>; connect-src <declared>; frame-src 'none'
 *               └─ skill iframe (sandbox="allow-scripts", opaque origin)
 *                    CSP: default-src 'none'; script-src <bootstrap> <bundle>; connect-src <declared>; …
 * ```
 * Why two frames: CSP cannot stop a document from navigating *itself* (Chromium has no
 * `navigate-to`), and a navigation to `https://evil.example/?data=…` is a request to an undeclared
 * origin. A frame's navigations are checked against its *parent's* `frame-src`, and the host page's
 * CSP is not ours to set, so the skill's parent is a wrapper whose `frame-src 'none'` blocks them.
 *
 * Scripts are inline and allowed by hash only, so the bundle that runs is exactly the pinned one.
 *
 * @module
 */
import { SkillError } from '../../src/index.ts';
import { toBase64 } from '../../src/skills/integrity.ts';
import { BOOTSTRAP_SOURCE } from './bootstrap.ts';

/** The wrapper's script: receives the skill document and the port, starts the skill frame, reports when it navigates away. */
const WRAPPER_SOURCE = `(() => {
  'use strict';
  let frame = null;
  addEventListener('message', (event) => {
    const m = event.data;
    if (event.source !== parent || frame !== null || m === null || typeof m !== 'object' || m.t !== 'confidant-sandbox-start') return;
    if (typeof m.html !== 'string' || typeof m.allow !== 'string' || event.ports.length !== 1) return;
    const port = event.ports[0];
    frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('allow', m.allow);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    let loads = 0;
    frame.addEventListener('load', () => {
      loads += 1;
      if (loads === 1) frame.contentWindow.postMessage('confidant-sandbox-port', '*', [port]);
      else { parent.postMessage('confidant-sandbox-closed', '*'); frame.remove(); }
    });
    frame.srcdoc = m.html;
    (document.body || document.documentElement).append(frame);
  });
})();`;

/** Powerful features denied to both frames through Permissions Policy. */
export const SANDBOX_ALLOW =
  "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'; serial 'none'; hid 'none'; " +
  "bluetooth 'none'; midi 'none'; clipboard-read 'none'; clipboard-write 'none'; display-capture 'none'; " +
  "publickey-credentials-get 'none'; fullscreen 'none'";

/** The SHA-256 CSP hash source of a script's text. */
async function hashSource(script: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  return `'sha256-${toBase64(new Uint8Array(digest))}'`;
}

/** The sandbox's documents. */
export interface SandboxDocuments {
  /** `srcdoc` of the wrapper frame the host creates. */
  wrapper: string;
  /** `srcdoc` of the skill frame, sent to the wrapper. */
  skill: string;
  /** The skill frame's policy (for tests and debugging). */
  csp: string;
}

/**
 * Builds both documents for a bundle.
 *
 * @param bundle the bundle's text, already checked against its integrity pin
 * @param origins canonical declared origins (connect-src)
 * @param skillId named in errors
 * @throws {SkillError} code `bundle` when the text cannot be inlined unchanged (it contains
 *   `</script`, `<!--`, `<script` or NUL): the author escapes those in strings (`"<\/script>"`)
 */
export async function buildSandboxDocuments(
  bundle: string,
  origins: readonly string[],
  skillId: string,
): Promise<SandboxDocuments> {
  // Inlining must not change what runs: these sequences would end or re-open the script element.
  if (/<\/script|<!--|<script|\u0000/i.test(bundle)) {
    throw new SkillError(
      'The bundle contains </script, <!--, <script or NUL and cannot be inlined unchanged',
      skillId,
      { code: 'bundle' },
    );
  }
  for (const o of origins) {
    // Declared origins were validated; refuse anything that could break out of the policy anyway.
    if (!/^https?:\/\/[a-z0-9.\-[\]:]+$/.test(o))
      throw new SkillError(`Bad origin in the sandbox policy: ${o}`, skillId, { code: 'bundle' });
  }
  // The HTML parser turns CRLF and CR into LF before the script runs (and before CSP hashes it).
  const script = bundle.replace(/\r\n?/g, '\n');
  const [boot, code, wrap] = await Promise.all([
    hashSource(BOOTSTRAP_SOURCE),
    hashSource(script),
    hashSource(WRAPPER_SOURCE),
  ]);
  const connect = origins.length === 0 ? '' : `; connect-src ${origins.join(' ')}`;
  const csp = `default-src 'none'; script-src ${boot} ${code}${connect}; base-uri 'none'; form-action 'none'; frame-src 'none'`;
  // The skill frame inherits the wrapper's policy too, so the wrapper's must also allow the skill's scripts and origins.
  const wrapperCsp = `default-src 'none'; script-src ${wrap} ${boot} ${code}${connect}; base-uri 'none'; form-action 'none'; frame-src 'none'`;
  const head = (policy: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">` +
    '<meta http-equiv="x-dns-prefetch-control" content="off"><meta name="referrer" content="no-referrer">';
  return {
    csp,
    skill: `${head(csp)}<script>${BOOTSTRAP_SOURCE}</script><script>${script}</script></head><body></body></html>`,
    wrapper: `${head(wrapperCsp)}</head><body><script>${WRAPPER_SOURCE}</script></body></html>`,
  };
}
