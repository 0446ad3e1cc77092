/**
 * A minimal typed event emitter for discriminated unions on `type`: `on()` returns its
 * unsubscribe (after zustand's `subscribe`). A throwing listener does not stop the others.
 * @internal
 */
export interface Emitter<E extends { type: string }> {
  on<T extends E['type']>(type: T, listener: (event: Extract<E, { type: T }>) => void): () => void;
  emit(event: E): void;
  clear(): void;
}

/** Creates an emitter. @internal */
export function createEmitter<E extends { type: string }>(): Emitter<E> {
  const listeners = new Map<string, Set<(event: E) => void>>();
  return {
    on(type, listener) {
      if (typeof listener !== 'function') throw new TypeError('on(type, listener): listener must be a function');
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set);
      const entry = listener as (event: E) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    emit(event) {
      for (const listener of [...(listeners.get(event.type) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          // A host's bug must not break the assistant; surface it where developers look.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
