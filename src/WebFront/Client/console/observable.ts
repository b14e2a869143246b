import { useEffect, useState } from "preact/hooks";

/** State held in plain classes; components re-render when the object they watch says it changed. */
export class Observable {
  private readonly listeners = new Set<() => void>();

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  protected changed(): void {
    for (const fn of this.listeners) fn();
  }
}

export function useObservable<T extends Observable | undefined>(o: T): T {
  const [, tick] = useState(0);
  useEffect(() => o?.subscribe(() => tick((n) => n + 1)), [o]);
  return o;
}
