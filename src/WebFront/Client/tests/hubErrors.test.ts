import { describe, expect, it } from "vitest";
import { hubErrorCode, hubErrorText, isRetryable } from "../shared/hubErrors";

describe("hub errors", () => {
  const wrapped = new Error("An unexpected error occurred invoking 'SendMessage' on the server. HubException: closed: the conversation is resolved");

  it("finds the protocol code inside the SignalR client's wrapper", () => {
    expect(hubErrorCode(wrapped)).toBe("closed");
    expect(hubErrorText(wrapped)).toBe("the conversation is resolved");
  });

  it("treats errors without a code as retryable (the call got no answer)", () => {
    expect(isRetryable(new Error("Invocation canceled due to the underlying connection being closed."))).toBe(true);
    expect(isRetryable(wrapped)).toBe(false);
    expect(isRetryable(new Error("HubException: conflict: retry"))).toBe(true);
  });

  it("ignores words that look like codes but are not", () => {
    expect(hubErrorCode(new Error("hello: world"))).toBeUndefined();
  });
});
