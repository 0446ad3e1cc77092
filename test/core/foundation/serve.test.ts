// `npm start`'s server (scripts/serve.mjs): loopback only, PORT honoured, compressed answers, and one clear
// line, not a stack trace, when the port is taken.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const script = new URL('../../../scripts/serve.mjs', import.meta.url).pathname;

/** Starts the server with `PORT=port`; resolves with the process and its first line of output. */
async function serve(port: number): Promise<{ child: ChildProcess; line: string; code: Promise<number | null> }> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: String(port) } });
  const code = once(child, 'exit').then(([c]) => c as number | null);
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => resolve(out.trim()));
    setTimeout(() => reject(new Error(`no output from serve.mjs: ${out}`)), 60_000);
  });
  return { child, line, code };
}

describe('npm start (scripts/serve.mjs)', () => {
  let first: Awaited<ReturnType<typeof serve>>;
  let port = 0;
  before(async () => {
    first = await serve(0);
    port = Number(/127\.0\.0\.1:(\d+)\//.exec(first.line)?.[1]);
  });
  after(async () => {
    first.child.kill('SIGTERM');
    await first.code;
  });

  test('listens on 127.0.0.1 only, on the PORT asked for', async () => {
    assert.ok(port > 0, first.line);
    const response = await fetch(`http://127.0.0.1:${port}/demo/index.html`);
    assert.equal(response.status, 200);
    // All of 127.0.0.0/8 is loopback on Linux: a server on every interface would answer 127.0.0.2 too.
    await assert.rejects(fetch(`http://127.0.0.2:${port}/demo/index.html`));
  });

  test('answers compressed (brotli, else gzip), as a host should', async () => {
    for (const encoding of ['br', 'gzip']) {
      const response = await fetch(`http://127.0.0.1:${port}/demo/index.html`, {
        headers: { 'Accept-Encoding': encoding },
      });
      assert.equal(response.headers.get('content-encoding'), encoding);
      assert.ok((await response.text()).length > 0);
    }
  });

  test('a port already in use gets one clear line and exit code 1', async () => {
    const second = await serve(port);
    assert.equal(await second.code, 1);
    assert.match(
      second.line,
      new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*PORT=${port + 1} npm start`),
    );
    assert.doesNotMatch(second.line, /\n\s+at /);
  });
});
