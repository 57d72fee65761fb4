/** A tiny hub for push events: handlers emit, each face forwards to its own listeners. */
import type { PushEvent } from '../core/api';

export type PushListener = (event: PushEvent) => void;

export interface EventHub {
  emit(event: PushEvent): void;
  subscribe(listener: PushListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<PushListener>();
  return {
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
