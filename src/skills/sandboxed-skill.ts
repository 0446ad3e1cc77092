/**
 * Third-party skills loaded from a URL (after MetaMask Snaps and Figma plugins): the code runs in a
 * Worker started by a sandboxed, opaque-origin iframe, under a CSP that allows no connection at
 * all; every capability, requests included, goes through the runtime's checks. The bundle is
 * pinned by an integrity hash. The DOM side lives in `widget/sandbox/`; this adapter turns it into
 * a `SkillDefinition` through an injected host, so the core stays DOM-free and the runtime
 * (consent, timeout, audit) treats it like any other skill.
 *
 * @module
 */
import type { SkillDefinition } from './types.ts';
import type { RemoteSkillCall, RemoteSkillEndpoint, RemoteSkillResult } from './remote-protocol.ts';
import { ConfidantError } from '../errors.ts';
import { validateManifest, type SkillManifest } from './manifest.ts';
import { parseIntegrity } from './integrity.ts';
import { originOfEndpoint } from './origins.ts';
import { createRemoteSkill } from './remote-skill.ts';

/** Where a third-party skill comes from. Structured-cloneable. */
export interface SandboxedSkillSource {
  /** The bundle: a classic script that calls `confidant.register(execute)`. https (http only on localhost). */
  url: string;
  /** `sha384-…` (or sha256/sha512): the bundle is refused when it does not match. */
  integrity: string;
  /** The manifest, declared by the host page (never by the bundle). */
  manifest: SkillManifest;
}

/** A loaded sandbox, running one skill. */
export interface SandboxPort {
  invoke(call: RemoteSkillCall, endpoint: RemoteSkillEndpoint): Promise<RemoteSkillResult>;
  abort(callId: string, reason: string): void | Promise<void>;
  /** `true` once the sandbox is gone (torn down after a hung call, or crashed): the next call loads a new one. */
  readonly closed?: boolean;
}

/**
 * What the page provides to load third-party skills: `createIframeSandboxHost()` from
 * `confidant-assistant/widget` (or the same interface proxied into the Worker with comlink).
 */
export interface SkillSandboxHost {
  /**
   * Fetches the bundle, checks its integrity, and starts it in a sandbox.
   * Rejects with a `SkillError` (code `integrity`) on a mismatch, before any of it runs.
   */
  load(source: SandboxedSkillSource): Promise<SandboxPort>;
}

/**
 * Turns a third-party skill into a `SkillDefinition`. The sandbox is loaded on first use and
 * reloaded if it went away (the frame navigated itself or crashed).
 *
 * @param source the bundle URL, its integrity pin, and the manifest the host declares for it
 * @param host the page-side loader
 * @throws {TypeError | RangeError} for a bad URL, integrity string or manifest
 * @example
 * ```ts
 * const host = createIframeSandboxHost();
 * const skill = createSandboxedSkill({
 *   url: 'https://skills.example.com/tides.js',
 *   integrity: 'sha384-…',
 *   manifest: { id: 'example.tides', version: '1.0.0', intents: ['tides'], permissions: { network: ['https://api.tides.example'] } },
 * }, host);
 * ```
 */
export function createSandboxedSkill(source: SandboxedSkillSource, host: SkillSandboxHost): SkillDefinition {
  if (typeof source !== 'object' || source === null)
    throw new TypeError('createSandboxedSkill: source must be an object');
  originOfEndpoint(source.url, 'createSandboxedSkill: url');
  parseIntegrity(source.integrity, 'createSandboxedSkill: integrity');
  if (typeof host?.load !== 'function') throw new TypeError('createSandboxedSkill: host must have load()');
  // Consent is bound to the bundle: a new bundle (a new integrity pin) is asked again.
  const manifest = validateManifest(
    { ...source.manifest, fingerprint: `bundle ${source.integrity.trim()}` },
    'createSandboxedSkill',
  );
  const frozenSource: SandboxedSkillSource = structuredClone({
    url: source.url,
    integrity: source.integrity,
    manifest: source.manifest,
  });

  let port: Promise<SandboxPort> | undefined;
  const load = () => {
    port ??= host.load(frozenSource).catch((error: unknown) => {
      port = undefined;
      throw error;
    });
    return port;
  };
  const loaded = async () => {
    const current = await load();
    if (current.closed !== true) return current;
    // Torn down since it was last used (a hung call): this call gets a fresh sandbox.
    if (port !== undefined && (await port) === current) port = undefined;
    return load();
  };
  return createRemoteSkill(
    manifest,
    async (call, endpoint) => {
      const p = await loaded();
      try {
        return await p.invoke(call, endpoint);
      } catch (error) {
        if (error instanceof ConfidantError && error.code === 'sandbox-closed') port = undefined;
        throw error;
      }
    },
    {
      abort: async (callId, reason) => {
        if (port !== undefined) await (await port).abort(callId, reason);
      },
    },
  );
}
