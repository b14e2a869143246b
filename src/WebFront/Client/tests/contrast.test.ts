import { describe, expect, it } from "vitest";
import { readableTextOn } from "../widget/contrast";

describe("text colour on the primary colour", () => {
  it("is white on dark and black on light colours", () => {
    expect(readableTextOn("rgb(37, 99, 235)")).toBe("#fff");
    expect(readableTextOn("rgb(124, 58, 237)")).toBe("#fff");
    expect(readableTextOn("rgb(250, 204, 21)")).toBe("#000");
    expect(readableTextOn("rgb(255, 255, 255)")).toBe("#000");
    expect(readableTextOn("nonsense")).toBe("#fff");
  });
});
