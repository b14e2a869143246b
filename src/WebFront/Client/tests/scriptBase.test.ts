import { describe, expect, it } from "vitest";
import { baseUrlOf } from "../widget/scriptBase";
import { formatWait } from "../widget/wait";

describe("widget script base url", () => {
  it("is the folder the script was loaded from", () => {
    expect(baseUrlOf("https://chat.example.com/widget.js")).toBe("https://chat.example.com");
    expect(baseUrlOf("https://example.com/support/widget.js?v=3")).toBe("https://example.com/support");
    expect(baseUrlOf("http://localhost:5000/widget.js")).toBe("http://localhost:5000");
  });
});

describe("queue wait text", () => {
  it("rounds to minutes and never says zero", () => {
    expect(formatWait(0)).toBe("a moment");
    expect(formatWait(30)).toBe("less than a minute");
    expect(formatWait(89)).toBe("about 1 minute");
    expect(formatWait(300)).toBe("about 5 minutes");
  });
});
