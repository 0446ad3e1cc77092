/**
 * The few service-worker types `confidant-sw.ts` needs. The widget compiles with the DOM library,
 * where `self` is a `Window` and `FetchEvent` does not exist; declaring these here (rather than
 * adding the WebWorker library to the whole widget) keeps `document` from type-checking in the
 * service worker and the service worker's globals out of the widget.
 * @internal
 */

/** An event whose lifetime `waitUntil` extends (install, activate, message). @internal */
export interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

/** A request from a controlled page or Worker. @internal */
export interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

/** A message from a page, with the port to answer on. @internal */
export interface ExtendableMessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}

/** The service worker's global scope, as far as it is used. @internal */
export interface ServiceWorkerScopeLike {
  readonly location: { readonly href: string; readonly origin: string };
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  readonly caches: CacheStorage;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEventLike) => void): void;
}

/** The message `registerOfflineSupport` sends: cache what the page loaded before the worker controlled it. @internal */
export interface CacheUrlsMessage {
  type: 'confidant-cache-urls';
  urls: string[];
}
