// A @web/test-runner plugin: what only the DevTools protocol (playwright-core's CDP session) can do
// to the test page's browser — Chromium's virtual authenticators for the passkey tests
// (test/browser/store/passkey.test.ts) and a storage quota for the fault tests (test/browser/faults/).
// Commands (`executeServerCommand(name, payload)`):
// - `webauthn-add` { prf?: boolean, transport?: string } → the new authenticator's id (CTAP 2.1,
//   `internal` by default (Chrome allows one internal authenticator; a second can be `usb`), resident
//   keys, user verification that always succeeds, the PRF extension unless `prf: false`);
// - `webauthn-remove` { authenticatorId } → removes an authenticator with its credentials;
// - `webauthn-credentials` { authenticatorId } → its credentials' ids (base64);
// - `webauthn-remove-credential` { authenticatorId, credentialId } → deletes one credential.
// - `storage-quota` { origin, bytes } → overrides the origin's storage quota (`bytes` omitted: removes
//   the override), so writes past it fail with QuotaExceededError as on a full disk.
// Register it in web-test-runner.config.mjs: `plugins: [..., cdpPlugin()]`.

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function cdpPlugin() {
  /** CDP sessions by test session id. @type {Map<string, any>} */
  const sessions = new Map();
  const cdpOf = async (session) => {
    if (session.browser.type !== 'playwright') throw new Error('CDP commands need the Playwright launcher');
    let cdp = sessions.get(session.id);
    if (cdp === undefined) {
      const page = session.browser.getPage(session.id);
      cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable', { enableUI: false });
      sessions.set(session.id, cdp);
    }
    return cdp;
  };
  return {
    name: 'cdp',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('webauthn-') && command !== 'storage-quota') return undefined;
      const cdp = await cdpOf(session);
      if (command === 'storage-quota') {
        await cdp.send('Storage.overrideQuotaForOrigin', {
          origin: payload.origin,
          ...(payload.bytes === undefined ? {} : { quotaSize: payload.bytes }),
        });
        return true;
      }
      switch (command) {
        case 'webauthn-add': {
          const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
            options: {
              protocol: 'ctap2',
              ctap2Version: 'ctap2_1',
              transport: payload?.transport ?? 'internal',
              hasResidentKey: true,
              hasUserVerification: true,
              isUserVerified: true,
              automaticPresenceSimulation: true,
              hasPrf: payload?.prf !== false,
            },
          });
          return authenticatorId;
        }
        case 'webauthn-remove':
          await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: payload.authenticatorId });
          return true;
        case 'webauthn-credentials': {
          const { credentials } = await cdp.send('WebAuthn.getCredentials', {
            authenticatorId: payload.authenticatorId,
          });
          return credentials.map((c) => c.credentialId);
        }
        case 'webauthn-remove-credential':
          await cdp.send('WebAuthn.removeCredential', payload);
          return true;
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}
