import { badgeText } from "../../shared/unread";
import { WIDGET_CSS } from "./styles";
import { readableTextOn } from "../contrast";
import { h, icon, ICONS } from "./dom";

export interface PanelHandlers {
  toggle(): void;
  send(text: string): void;
  input(draft: string): void;
  file(file: File): void;
}

/** The widget's DOM: a bubble and a panel in a shadow root. It shows what it is told and reports what the user did. */
export class Panel {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly bubble: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly panel: HTMLDivElement;
  private readonly title: HTMLSpanElement;
  private readonly subtitle: HTMLSpanElement;
  private readonly notice: HTMLDivElement;
  readonly list: HTMLDivElement;
  private readonly typingLine: HTMLDivElement;
  private readonly cardSlot: HTMLDivElement;
  private readonly composer: HTMLFormElement;
  private readonly textarea: HTMLTextAreaElement;

  constructor(handlers: PanelHandlers) {
    this.host = h("div", { attrs: { "data-customerservice": "" } });
    this.root = this.host.attachShadow({ mode: "open" });
    this.badge = h("span", { class: "badge", attrs: { "aria-live": "polite" } });
    this.bubble = h("button", { class: "bubble", type: "button", attrs: { "aria-label": "Chat with us" }, onclick: () => handlers.toggle() }, icon(ICONS.chat), this.badge);
    this.title = h("span", null, "Chat");
    this.subtitle = h("span", { class: "sub" });
    this.notice = h("div", { class: "notice", attrs: { role: "status" } });
    this.list = h("div", { class: "list", attrs: { role: "log", "aria-live": "polite" } });
    this.typingLine = h("div", { class: "typing" });
    this.cardSlot = h("div");
    this.textarea = h("textarea", { rows: 1, placeholder: "Write a message…", attrs: { "aria-label": "Message" } });
    const fileInput = h("input", { type: "file" });
    fileInput.addEventListener("change", () => {
      const f = fileInput.files?.[0];
      fileInput.value = "";
      if (f) handlers.file(f);
    });
    this.composer = h("form", { class: "composer" },
      h("label", { attrs: { "aria-label": "Attach a file" } }, icon(ICONS.attach), fileInput),
      this.textarea,
      h("button", { type: "submit", attrs: { "aria-label": "Send" } }, icon(ICONS.send)));
    const submit = () => {
      const text = this.textarea.value.trim();
      if (!text) return;
      this.textarea.value = "";
      handlers.send(text);
    };
    this.composer.addEventListener("submit", (ev) => {
      ev.preventDefault();
      submit();
    });
    this.textarea.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        submit();
      }
    });
    this.textarea.addEventListener("input", () => handlers.input(this.textarea.value));
    this.panel = h("div", { class: "panel", hidden: true, attrs: { role: "dialog", "aria-label": "Chat" } },
      h("header", null,
        h("div", { class: "title" }, this.title, h("br"), this.subtitle),
        h("button", { type: "button", attrs: { "aria-label": "Close chat" }, onclick: () => handlers.toggle() }, icon(ICONS.close))),
      this.notice, this.list, this.typingLine, this.cardSlot, this.composer);
    // Keydown reaches the panel only while focus is inside it, i.e. while it is open.
    this.panel.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") handlers.toggle();
    });
    adoptStyles(this.root);
    this.root.append(this.panel, this.bubble);
  }

  mount(): void {
    document.body.appendChild(this.host);
  }

  setTheme(primaryColor: string | undefined): void {
    if (!primaryColor || !CSS.supports("color", primaryColor)) return;
    this.host.style.setProperty("--cs-primary", primaryColor);
    // The browser resolves any CSS colour syntax to rgb() for us.
    this.bubble.style.color = primaryColor;
    this.host.style.setProperty("--cs-on-primary", readableTextOn(getComputedStyle(this.bubble).color));
    this.bubble.style.color = "";
  }

  setTitle(title: string, subtitle: string): void {
    this.title.textContent = title;
    this.subtitle.textContent = subtitle;
  }

  setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.bubble.setAttribute("aria-expanded", String(open));
    if (open) {
      this.scrollToEnd();
      this.textarea.focus({ preventScroll: true });
    }
  }

  setBadge(count: number): void {
    this.badge.textContent = badgeText(count);
  }

  setNotice(text: string): void {
    this.notice.textContent = text;
  }

  setTyping(text: string): void {
    this.typingLine.textContent = text;
  }

  /** A form in place of the composer (pre-chat, offline, rating), or null for the composer. */
  setCard(card: HTMLElement | null, hideComposer = true): void {
    this.cardSlot.replaceChildren(...(card ? [card] : []));
    this.composer.hidden = !!card && hideComposer;
  }

  /** Replaces the list's children with these nodes, keeping the view at the bottom if it was there. */
  showItems(nodes: Node[]): void {
    const atEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 40;
    this.list.replaceChildren(...nodes);
    if (atEnd) this.scrollToEnd();
  }

  private scrollToEnd(): void {
    this.list.scrollTop = this.list.scrollHeight;
  }
}

/**
 * A constructed stylesheet is not inline style as far as a host page's Content-Security-Policy is concerned, so the
 * widget keeps its look on pages that forbid 'unsafe-inline' styles. Older browsers get a <style> element.
 */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.appendChild(h("style", null, WIDGET_CSS));
  }
}
