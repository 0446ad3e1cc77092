/**
 * The browser half of `npm run bench:passkey`: an assistant in its Worker, in passphrase mode with
 * a passkey enrolled on Chromium's virtual authenticator (PRF), locked and unlocked `rounds` times
 * with the passkey and with the passphrase, alternating which goes first. Each unlock is timed from
 * the call to the assistant answering `ready`: the WebAuthn ceremony, the key derivation and unwrap,
 * and the engine's restart. Results land on `window.__passkeyBench` for bench/passkey.ts.
 */
import { createAssistant } from '../../src/index.ts';
import { enrollPasskey, unlockWithPasskey } from '../../widget/passkey.ts';

const params = new URLSearchParams(location.search);
const rounds = Number(params.get('rounds') ?? 21);
const PASSPHRASE = 'bench passphrase, long enough';
const log = (line: string) => void ((document.querySelector('#log') as HTMLElement).textContent += `${line}\n`);

async function run() {
  const databaseName = `bench-passkey-${crypto.randomUUID()}`;
  const assistant = await createAssistant({ databaseName, encryption: { mode: 'passphrase', passphrase: PASSPHRASE } });
  try {
    await assistant.send('hello');
    await enrollPasskey(assistant, { passphrase: PASSPHRASE, timeoutMs: 10_000 });
    const passkey: number[] = [];
    const passphrase: number[] = [];
    const time = async (unlock: () => Promise<void>, into: number[]) => {
      await assistant.lock();
      const started = performance.now();
      await unlock();
      into.push(performance.now() - started);
      if (assistant.status !== 'ready') throw new Error(`not ready after unlock: ${assistant.status}`);
    };
    // One of each first, not counted: the first ceremony and the first unlock warm things up.
    await time(() => unlockWithPasskey(assistant), []);
    await time(() => assistant.unlock(PASSPHRASE), []);
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0;
      if (order) await time(() => unlockWithPasskey(assistant), passkey);
      await time(() => assistant.unlock(PASSPHRASE), passphrase);
      if (!order) await time(() => unlockWithPasskey(assistant), passkey);
    }
    log(`passkey: ${passkey.map((x) => x.toFixed(0)).join(' ')}`);
    log(`passphrase: ${passphrase.map((x) => x.toFixed(0)).join(' ')}`);
    return { passkey, passphrase, crossOriginIsolated, userAgent: navigator.userAgent };
  } finally {
    await assistant.dispose();
    indexedDB.deleteDatabase(databaseName);
  }
}

(window as unknown as { __passkeyBench: Promise<unknown> }).__passkeyBench = run();
