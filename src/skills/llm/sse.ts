/**
 * A server-sent events reader for fetch bodies, per the HTML standard's event-stream parsing
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end in LF, CR or CRLF (also split across chunks); `data:` lines of one event are joined
 * with LF; a blank line dispatches; `:` lines are comments. Hand-written because it is forty lines
 * and `EventSource` cannot POST or send an Authorization header.
 *
 * @module
 */

/** One dispatched event. */
export interface SseEvent {
  /** @default 'message' */
  event: string;
  data: string;
}

/**
 * Reads events from a byte stream.
 *
 * @param body the response body
 * @param maxEventBytes refuses an event (or a line) larger than this @default 1 MiB
 * @throws {RangeError} when an event passes `maxEventBytes`; rethrows the stream's own errors (a dropped connection)
 */
export async function* readSse(body: ReadableStream<Uint8Array>, maxEventBytes = 1 << 20): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let size = 0;
  let event = 'message';
  let first = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (first && text.length > 0) {
        // A leading byte-order mark is not part of the first field name.
        if (text.startsWith('\uFEFF')) text = text.slice(1);
        first = false;
      }
      buffer += text;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buffer);
        // A lone CR at the end may be the first half of a CRLF still in flight.
        if (m === null || (m[0] === '\r' && m.index === buffer.length - 1 && !done)) break;
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length > 0) yield { event, data: data.join('\n') };
          data = [];
          size = 0;
          event = 'message';
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let v = colon === -1 ? '' : line.slice(colon + 1);
        if (v.startsWith(' ')) v = v.slice(1);
        if (field === 'data') {
          size += v.length;
          if (size > maxEventBytes) throw new RangeError('a server-sent event is too large');
          data.push(v);
        } else if (field === 'event') event = v;
      }
      if (buffer.length > maxEventBytes) throw new RangeError('a server-sent event line is too large');
      if (done) {
        // The standard drops an event that was not terminated by a blank line.
        return;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
