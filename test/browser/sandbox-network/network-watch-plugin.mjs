// Watches the network below the browser's request events, for the sandbox network test
// (test/browser/sandbox-network/, run by web-test-runner.sandbox.config.mjs):
// - a raw `net` listener on 127.0.0.1 stands for every undeclared origin: it counts the TCP
//   connections it accepts (a connection that sends no request, a preconnect, a navigation CSP
//   stops after connecting: request events miss them all) and keeps each one's first line;
// - the browser is started with `--host-resolver-rules` mapping every `*.example` name to that
//   listener, so a connection to any made-up host (`secret-1234.example`) lands there too, and no
//   name is ever sent to a real resolver;
// - Chromium's NetLog (`--log-net-log`) records the host names the browser tried to reach or
//   resolve: `netlog-hosts` greps the log written so far for names under a token.
// Commands: `network-watch` → { port }; `network-connections` { since } → the connections since
// index `since`; `netlog-hosts` { token, marker } → { flushed, hosts }, `flushed` once the marker (a
// URL the test requested last) is in the log, so everything before it was written.
// The log is deleted when the server stops; `KEEP_NETLOG=1` keeps it (its path is in os.tmpdir()).
import { createServer } from 'node:net';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * NetLog event parameters that name where the browser is going (a request's URL, a socket group, a
 * stream job's destination, a host to resolve or upgrade): a name there was looked up or contacted.
 * Others only carry text that came from somewhere (a response's `Location` header names a host the
 * browser did not go to when the redirect was refused), so they are not read.
 */
const DESTINATION_KEYS = [
  'url',
  'host',
  'hostname',
  'group_id',
  'destination',
  'logical_destination',
  'address',
  'origin',
];

/**
 * The host names under `token` in the destinations of the NetLog events written so far. The log
 * is one JSON object per line after its constants (`{"params": …, "type": …},`); the last line
 * may be cut mid-write and is skipped.
 * @param {string} text @param {string} token
 */
function destinations(text, token) {
  const hosts = new Set();
  for (const line of text.split('\n')) {
    if (!line.includes(token)) continue;
    let event;
    try {
      event = JSON.parse(line.replace(/,\s*$/, ''));
    } catch {
      continue;
    }
    for (const key of DESTINATION_KEYS) {
      const value = event?.params?.[key];
      if (typeof value !== 'string') continue;
      // The host of each URL in the value (`http://h/…`, `pmpsa/http://h <…>`), or the value itself for
      // `host`: never a name inside a query string, which says where a URL points, not where the browser went.
      const names =
        key === 'host' || key === 'hostname'
          ? [value.replace(/:\d+$/, '')]
          : [...value.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/:?#\s<>]+)/gi)].map((m) => m[1]);
      for (const h of names) if (h.includes(token)) hosts.add(h.toLowerCase());
    }
  }
  return [...hosts];
}

/**
 * Starts the listener (before the browser, whose arguments need its port).
 * @returns {Promise<{ port: number, netlogPath: string, plugin: import('@web/test-runner-core').TestRunnerPlugin }>}
 */
export async function startNetworkWatch() {
  /** @type {{ at: number, firstLine: string }[]} */
  const connections = [];
  const listener = createServer((socket) => {
    const seen = { at: Date.now(), firstLine: '' };
    connections.push(seen);
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      seen.firstLine = chunk.toString('latin1').split('\r\n')[0].slice(0, 200);
      socket.destroy();
    });
    setTimeout(() => socket.destroy(), 2000).unref();
  });
  await new Promise((resolve) => listener.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = listener.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const netlogPath = join(tmpdir(), `confidant-netlog-${process.pid}-${port}.json`);

  return {
    port,
    netlogPath,
    plugin: {
      name: 'network-watch',
      async executeCommand({ command, payload }) {
        if (command === 'network-watch') return { port };
        if (command === 'network-connections') return connections.slice(Number(payload?.since ?? 0));
        if (command === 'netlog-hosts') {
          const token = String(payload?.token ?? '');
          if (!/^[a-z0-9]{6,32}$/.test(token)) throw new Error('netlog-hosts needs a token of [a-z0-9]');
          let text = '';
          try {
            text = await readFile(netlogPath, 'utf8');
          } catch {
            // not written yet
          }
          const marker = String(payload?.marker ?? '');
          return { flushed: marker !== '' && text.includes(marker), hosts: destinations(text, token) };
        }
        return undefined;
      },
      async serverStop() {
        listener.close();
        if (process.env.KEEP_NETLOG !== '1') await rm(netlogPath, { force: true });
      },
    },
  };
}
