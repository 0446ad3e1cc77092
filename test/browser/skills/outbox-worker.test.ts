// Issue 16.3: the webhook outbox in the default configuration, the engine in its Worker. A webhook
// skill defined on the page goes to the Worker as data; while its service is unreachable a call is
// queued (encrypted, in IndexedDB); the page is reloaded (realm and Worker torn down, no dispose),
// the service comes back, and the call is delivered exactly once, with its Idempotency-Key.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Assistant } from '../../../src/index.ts';

type FrameWindow = Window & { assistantReady?: Promise<Assistant> };
interface Sink {
  origin: string;
  connectionsWhileDown: number;
  deliveries: { path: string; idempotencyKey: string | null; body: { intent?: string } }[];
}

const sink = (down?: boolean) =>
  executeServerCommand('webhook-sink', down === undefined ? {} : { down }) as Promise<Sink>;

/** Deletes a database, resolving even when a connection of a torn-down page still blocks it. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

describe('the webhook outbox with the engine in its Worker', function () {
  this.timeout(120_000);
  const databaseName = `outbox-worker-${crypto.randomUUID()}`;
  const path = `/orders/${crypto.randomUUID()}`;
  let frame: HTMLIFrameElement;

  const load = async (reload: boolean): Promise<Assistant> => {
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    if (reload) (frame.contentWindow as FrameWindow).location.reload();
    else document.body.append(frame);
    await loaded;
    return (frame.contentWindow as FrameWindow).assistantReady!;
  };
  const mine = (s: Sink) => s.deliveries.filter((d) => d.path === path);

  before(async () => {
    const { origin } = await sink(false);
    frame = document.createElement('iframe');
    frame.src = new URL(
      `./outbox-frame.html?${new URLSearchParams({ db: databaseName, hook: `${origin}${path}` })}`,
      import.meta.url,
    ).href;
  });
  after(async () => {
    frame.remove();
    await sink(false);
    await deleteDatabase(databaseName);
  });

  it('queues a call while offline, keeps it across a reload, and delivers it exactly once when back online', async () => {
    const before = await sink(true);
    const first = await load(false);
    const offline = await first.send('where is my order');
    expect(offline.understanding.skill, 'the webhook skill answered the turn').to.equal('acme.orders');
    expect(offline.text).to.match(/offline/i);
    const tried = await sink();
    expect(tried.connectionsWhileDown - before.connectionsWhileDown, 'attempts while down').to.be.at.least(1);
    expect(mine(tried)).to.deep.equal([]);
    expect(await first.skills.flushOutbox()).to.deep.equal({ sent: 0, dropped: 0, pending: 1 });

    // A reload: the page's realm and its Worker go away without dispose(); a new Worker starts.
    const second = await load(true);
    expect(second).to.not.equal(first);
    expect(await second.skills.flushOutbox(), 'the queued call survived the reload').to.deep.equal({
      sent: 0,
      dropped: 0,
      pending: 1,
    });
    expect(mine(await sink())).to.deep.equal([]);

    await sink(false);
    expect(await second.skills.flushOutbox()).to.deep.equal({ sent: 1, dropped: 0, pending: 0 });
    expect(await second.skills.flushOutbox(), 'nothing left to send').to.deep.equal({
      sent: 0,
      dropped: 0,
      pending: 0,
    });
    const delivered = mine(await sink());
    expect(delivered.length, 'delivered exactly once').to.equal(1);
    expect(delivered[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(delivered[0]!.body.intent).to.equal('order_status');

    // Another visit: the engine flushes at start; there is nothing left, so nothing is sent again.
    const third = await load(true);
    expect(await third.skills.flushOutbox()).to.deep.equal({ sent: 0, dropped: 0, pending: 0 });
    expect(mine(await sink()).length, 'still exactly once after another reload').to.equal(1);
    // And online, a call goes straight through.
    expect((await third.send('where is my order')).text).to.equal('Order 42 has shipped.');
    expect(mine(await sink()).length).to.equal(2);
    await third.dispose();
  });

  it("sends the queue when the Worker's global scope fires `online`, without the host asking", async () => {
    const channelName = `online-${crypto.randomUUID()}`;
    const database = `outbox-online-${crypto.randomUUID()}`;
    const hookPath = `/orders/${crypto.randomUUID()}`;
    const { origin } = await sink(true);
    const online = document.createElement('iframe');
    online.src = new URL(
      `./outbox-frame.html?${new URLSearchParams({ db: database, hook: `${origin}${hookPath}`, online: channelName })}`,
      import.meta.url,
    ).href;
    const loaded = new Promise((resolve) => online.addEventListener('load', resolve, { once: true }));
    document.body.append(online);
    const channel = new BroadcastChannel(channelName);
    try {
      await loaded;
      const assistant = await (online.contentWindow as FrameWindow).assistantReady!;
      expect((await assistant.send('where is my order')).text).to.match(/offline/i);
      await sink(false);
      channel.postMessage('go-online');
      let delivered: Sink['deliveries'] = [];
      for (let i = 0; i < 100 && delivered.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        delivered = (await sink()).deliveries.filter((d) => d.path === hookPath);
      }
      expect(delivered.length, 'sent once, on `online`').to.equal(1);
      expect(await assistant.skills.flushOutbox(), 'nothing left').to.deep.equal({ sent: 0, dropped: 0, pending: 0 });
      await assistant.dispose();
    } finally {
      channel.close();
      online.remove();
      await deleteDatabase(database);
    }
  });
});
