/**
 * Third-party skill sandbox (DOM side).
 *
 * @module
 */
export { createIframeSandboxHost } from './iframe-host.ts';
export type { IframeSandboxHost, IframeSandboxHostOptions } from './iframe-host.ts';
export { buildSandboxDocuments, SANDBOX_ALLOW } from './documents.ts';
export type { SandboxDocuments } from './documents.ts';
