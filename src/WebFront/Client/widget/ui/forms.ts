import type { PreChatField } from "../../shared/protocol";
import { hubErrorText } from "../../shared/hubErrors";
import { h } from "./dom";

export interface ContactDetails {
  name?: string;
  email?: string;
  question?: string;
}

const LABELS: Record<PreChatField, string> = { name: "Your name", email: "Your e-mail", question: "How can we help?" };

function field(name: PreChatField, required: boolean): HTMLInputElement | HTMLTextAreaElement {
  const common = { name, placeholder: LABELS[name], required, attrs: { "aria-label": LABELS[name] } };
  if (name === "question") return h("textarea", { ...common, rows: 3 });
  return h("input", { ...common, type: name === "email" ? "email" : "text", autocomplete: name });
}

function read(form: HTMLFormElement): ContactDetails {
  const data = new FormData(form);
  const get = (k: string) => String(data.get(k) ?? "").trim() || undefined;
  return { name: get("name"), email: get("email"), question: get("question") };
}

/** The pre-chat form: the fields the tenant chose, all required. */
export function preChatForm(intro: string, fields: PreChatField[], submit: (d: ContactDetails) => void): HTMLFormElement {
  const form = h("form", { class: "card" }, h("p", null, intro), ...fields.map((f) => field(f, true)), h("button", { class: "primary", type: "submit" }, "Start chat"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    submit(read(form));
  });
  return form;
}

/** No agent online: leave a message and an e-mail address to be answered at. */
export function offlineForm(offlineMessage: string, submit: (d: ContactDetails) => void): HTMLFormElement {
  const form = h("form", { class: "card" },
    h("p", null, offlineMessage || "We are offline right now. Leave a message and we will reply by e-mail."),
    field("name", false), field("email", true), field("question", true),
    h("button", { class: "primary", type: "submit" }, "Leave a message"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    submit(read(form));
  });
  return form;
}

/**
 * Rating of a resolved conversation: 1..5 stars and an optional comment. The form waits for the server: while the
 * rating is on its way the button is disabled, and when it fails the visitor reads why and can send it again.
 */
export function ratingForm(submit: (score: number, comment?: string) => Promise<void>): HTMLFormElement {
  let score = 0;
  const stars = [1, 2, 3, 4, 5].map((n) =>
    h("button", { type: "button", attrs: { "aria-label": `${n} of 5` }, onclick: () => choose(n) }, "★"));
  const comment = h("textarea", { name: "comment", rows: 2, placeholder: "Anything to add? (optional)" });
  const send = h("button", { class: "primary", type: "submit", disabled: true }, "Send rating");
  const problem = h("p", { class: "error", attrs: { role: "alert" } });
  problem.hidden = true;
  const choose = (n: number) => {
    score = n;
    stars.forEach((s, i) => s.classList.toggle("on", i < n));
    send.disabled = false;
  };
  const form = h("form", { class: "card" }, h("p", null, "How did we do?"), h("div", { class: "stars" }, ...stars), comment, send, problem);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!score || send.disabled) return;
    send.disabled = true;
    send.textContent = "Sending…";
    problem.hidden = true;
    submit(score, comment.value.trim() || undefined).catch((err: unknown) => {
      problem.textContent = `Your rating was not sent: ${hubErrorText(err).replace(/\.?$/, ".")} Please try again.`;
      problem.hidden = false;
      send.textContent = "Send rating";
      send.disabled = false;
    });
  });
  return form;
}
