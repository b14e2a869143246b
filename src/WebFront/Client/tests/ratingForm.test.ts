// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { ratingForm } from "../widget/ui/forms";

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function rate(form: HTMLFormElement, stars: number) {
  form.querySelectorAll<HTMLButtonElement>(".stars button")[stars - 1].click();
  form.dispatchEvent(new Event("submit", { cancelable: true }));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("ratingForm", () => {
  it("sends once while the rating is on its way", () => {
    const calls: number[] = [];
    const pending = deferred();
    const form = ratingForm((score) => (calls.push(score), pending.promise));
    rate(form, 4);
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(calls).toEqual([4]);
    const send = form.querySelector<HTMLButtonElement>("button.primary")!;
    expect(send.disabled).toBe(true);
    expect(send.textContent).toBe("Sending…");
  });

  it("shows the server's reason when the rating fails and lets the visitor send it again", async () => {
    const attempts = [deferred(), deferred()];
    let n = 0;
    const form = ratingForm(() => attempts[n++].promise);
    rate(form, 5);
    attempts[0].reject(new Error("An unexpected error occurred invoking 'Rate' on the server. HubException: invalid_argument: Only a resolved conversation can be rated"));
    await flush();
    const problem = form.querySelector<HTMLElement>("p.error")!;
    expect(problem.hidden).toBe(false);
    expect(problem.textContent).toBe("Your rating was not sent: Only a resolved conversation can be rated. Please try again.");
    const send = form.querySelector<HTMLButtonElement>("button.primary")!;
    expect(send.disabled).toBe(false);

    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(n).toBe(2);
    expect(problem.hidden).toBe(true);
  });

  it("does not send before a star is chosen", () => {
    let calls = 0;
    const form = ratingForm(() => (calls++, Promise.resolve()));
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(calls).toBe(0);
  });
});
