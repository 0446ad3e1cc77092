/**
 * `npm run bench:passkey`: passkey unlock against passphrase unlock, in real Chromium with a
 * virtual authenticator that has the PRF extension (DevTools protocol through playwright-core),
 * the assistant in its Worker. Target (issue 16.9): passkey unlock p50 <= 300 ms. Writes the
 * `passkey` section of BENCHMARKS.md; `--json` prints one JSON object on stdout.
 *
 * The repository is served by bench/isolated-server.ts on 127.0.0.1 and opened as `localhost`
 * (a WebAuthn relying party id must be a domain, not an IP address).
 *
 * Options: `--json`, `--rounds N` (default 21).
 */
import { loadavg } from 'node:os';
import { launchChromium, startIsolatedServer } from './isolated-server.ts';
import { machineLine, table, writeBenchSection } from './report.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 21;
const say = (s: string) => process.stderr.write(`${s}\n`);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

const loadBefore = loadavg()[0] ?? 0;
const server = await startIsolatedServer();
const browser = await launchChromium();
let result: { passkey: number[]; passphrase: number[]; crossOriginIsolated: boolean; userAgent: string };
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => say(`[page error] ${e.message}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
      hasPrf: true,
    },
  });
  say(`bench:passkey: ${rounds} passkey and ${rounds} passphrase unlocks in Chromium…`);
  await page.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/bench/passkey/index.html?coi=1&rounds=${rounds}`);
  await page.waitForFunction(() => '__passkeyBench' in window, undefined, { timeout: 30_000 });
  result = await page.evaluate(() => (window as unknown as { __passkeyBench: Promise<typeof result> }).__passkeyBench);
} finally {
  await browser.close();
  await server.stop();
}

const summary = {
  passkeyP50Ms: Math.round(quantile(result.passkey, 0.5)),
  passkeyP95Ms: Math.round(quantile(result.passkey, 0.95)),
  passphraseP50Ms: Math.round(quantile(result.passphrase, 0.5)),
  passphraseP95Ms: Math.round(quantile(result.passphrase, 0.95)),
  rounds,
  targetMet: quantile(result.passkey, 0.5) <= 300,
  crossOriginIsolated: result.crossOriginIsolated,
  chromium: /Chrome\/([\d.]+)/.exec(result.userAgent)?.[1] ?? 'unknown',
  loadAverage: Math.round(Math.max(loadBefore, loadavg()[0] ?? 0) * 10) / 10,
};
if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
else say(JSON.stringify(summary));
writeBenchSection(
  'passkey',
  `## Passkey unlock (\`npm run bench:passkey\`)

${machineLine()} Chromium ${summary.chromium}, virtual authenticator (CTAP 2.1, internal, PRF), the
assistant in its Worker, ${rounds} unlocks of each kind alternating, load average ${summary.loadAverage}.
Each is timed from the call to the assistant being \`ready\`: the WebAuthn ceremony (passkey) or
PBKDF2-SHA256 at 600,000 iterations (passphrase), the unwrap, and the engine's restart.

${table(
  ['unlock', 'p50 ms', 'p95 ms'],
  [
    ['passkey (target p50 <= 300 ms)', summary.passkeyP50Ms, summary.passkeyP95Ms],
    ['passphrase (anchor)', summary.passphraseP50Ms, summary.passphraseP95Ms],
  ],
)}
`,
);
