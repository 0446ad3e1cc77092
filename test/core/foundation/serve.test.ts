// `npm start`'s server (scripts/serve.mjs): loopback only, PORT honoured, compressed answers, and one clear
// line, not a stack trace, when the port is taken.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { importsPackages } from '../../../scripts/static-server.mjs';

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

// dist/ is served as built, except the modules that import a package by name: the npm demo (demo/app.html)
// imports `confidant-assistant`, whose chunks import `comlink` and `lit`, which only the dev server resolves.
describe('which built files npm start serves as built', () => {
  const js = (text: string) => ({ body: Buffer.from(text), type: 'text/javascript; charset=utf-8' });
  test('a module importing a package by name goes through the dev server', () => {
    assert.equal(importsPackages(js("import { wrap, proxy } from 'comlink';\nwrap();")), true);
    assert.equal(importsPackages(js('import{html as h}from"lit";')), true);
    assert.equal(importsPackages(js("const a = 1;\nexport { x } from 'lit/decorators.js';")), true);
    assert.equal(importsPackages(js("import {\n  a,\n  b,\n} from 'dexie';")), true);
  });
  test('self-contained files are served as built', () => {
    assert.equal(importsPackages(js("import { a } from './index-BSU1R1on.js';\nimport '../x.js';")), false);
    assert.equal(importsPackages(js('(function(){ var s = "import x from \'comlink\'"; })();')), false);
    assert.equal(importsPackages(js("import { a } from '/dist/confidant.js';")), false);
    assert.equal(importsPackages({ body: Buffer.from("import 'comlink'"), type: 'application/wasm' }), false);
  });
});
