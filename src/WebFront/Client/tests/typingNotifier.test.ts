import { describe, expect, it } from "vitest";
import { TypingNotifier, type TypingClock } from "../shared/typingNotifier";

class FakeClock implements TypingClock {
  t = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  next = 1;
  now() { return this.t; }
  setTimeout(fn: () => void, ms: number) { const id = this.next++; this.timers.set(id, { at: this.t + ms, fn }); return id; }
  clearTimeout(h: unknown) { this.timers.delete(h as number); }
  advance(ms: number) {
    this.t += ms;
    for (const [id, timer] of [...this.timers]) if (timer.at <= this.t) { this.timers.delete(id); timer.fn(); }
  }
}

describe("TypingNotifier", () => {
  it("sends typing at most once per 1.5 s and stops after 3 s idle", () => {
    const clock = new FakeClock();
    const calls: Array<[boolean, string | undefined]> = [];
    const n = new TypingNotifier((t, d) => calls.push([t, d]), 1500, 3000, clock);
    n.input("h");
    clock.advance(500); n.input("he");
    clock.advance(500); n.input("hel");
    clock.advance(600); n.input("hell");
    expect(calls).toEqual([[true, "h"], [true, "hell"]]);
    clock.advance(3000);
    expect(calls.at(-1)).toEqual([false, undefined]);
    expect(calls.length).toBe(3);
  });

  it("sends typing false once on send", () => {
    const clock = new FakeClock();
    const calls: boolean[] = [];
    const n = new TypingNotifier((t) => calls.push(t), 1500, 3000, clock);
    n.input("hi");
    n.stop();
    n.stop();
    clock.advance(5000);
    expect(calls).toEqual([true, false]);
  });
});
