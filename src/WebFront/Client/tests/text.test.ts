// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { appendMessageText, escapeHtml, splitLinks } from "../shared/text";
import { isRasterImage } from "../shared/attachments";

describe("message text stays text", () => {
  it("renders an <img onerror> payload literally", () => {
    const el = document.createElement("div");
    const payload = `<img src=x onerror="alert(1)">`;
    appendMessageText(document, el, payload);
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toBe(payload);
    expect(el.childNodes[0].nodeType).toBe(3); // a text node
  });

  it("renders a script tag literally", () => {
    const el = document.createElement("div");
    appendMessageText(document, el, "<script>alert(1)</script>");
    expect(el.querySelector("script")).toBeNull();
    expect(el.textContent).toBe("<script>alert(1)</script>");
  });

  it("links http urls with a text label and leaves javascript: alone", () => {
    const el = document.createElement("div");
    appendMessageText(document, el, "see https://example.com/a?b=1. and javascript:alert(1)");
    const links = el.querySelectorAll("a");
    expect(links.length).toBe(1);
    expect(links[0].getAttribute("href")).toBe("https://example.com/a?b=1");
    expect(links[0].textContent).toBe("https://example.com/a?b=1");
    expect(links[0].getAttribute("rel")).toContain("noopener");
    expect(el.textContent).toBe("see https://example.com/a?b=1. and javascript:alert(1)");
  });

  it("splitLinks keeps every character", () => {
    const text = "a http://x.y/<b> c";
    expect(splitLinks(text).map((p) => p.value).join("")).toBe(text);
  });

  it("escapeHtml escapes the five characters", () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;");
  });
});

describe("attachments", () => {
  it("shows only raster images inline", () => {
    for (const t of ["image/png", "image/jpeg", "image/gif", "image/webp", "IMAGE/PNG; charset=x"]) expect(isRasterImage({ contentType: t })).toBe(true);
    for (const t of ["image/svg+xml", "text/html", "application/pdf", ""]) expect(isRasterImage({ contentType: t })).toBe(false);
  });

});

describe("attachment urls", () => {
  it("fetches only files of our own server, so a forged url never receives the token", async () => {
    const { ownFileUrl } = await import("../shared/attachments");
    expect(ownFileUrl("https://chat.example.com", "/api/v1/files/demo/f1")).toBe("https://chat.example.com/api/v1/files/demo/f1");
    expect(ownFileUrl("https://chat.example.com", "https://evil.example/api/v1/files/demo/f1")).toBeUndefined();
    expect(ownFileUrl("https://chat.example.com", "//evil.example/x")).toBeUndefined();
    expect(ownFileUrl("https://chat.example.com", "/api/v1/agents")).toBeUndefined();
    expect(ownFileUrl("https://chat.example.com", "javascript:alert(1)")).toBeUndefined();
  });
});
