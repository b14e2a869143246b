import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { insertReply, shortcutAtCaret, suggestReplies } from "../../shared/cannedReplies";
import { completeMention, mentionAtCaret, mentionHandle, suggestMentions } from "../../shared/mentions";
import { TypingNotifier } from "../../shared/typingNotifier";
import type { ConsoleModel } from "../consoleModel";
import type { OpenConversation } from "../openConversation";

interface Suggestion {
  label: string;
  detail: string;
  apply: () => void;
}

/** Reply box: "/" suggests canned replies, "@" suggests colleagues, a toggle makes the message a private note. */
export function Composer({ model, open }: { model: ConsoleModel; open: OpenConversation }) {
  const [text, setText] = useState("");
  const [caret, setCaret] = useState(0);
  const [note, setNote] = useState(false);
  const [pick, setPick] = useState(0);
  const [uploading, setUploading] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const typing = useMemo(() => new TypingNotifier((isTyping) => void model.hub.typing(open.id, isTyping).catch(() => {})), [open]);
  useEffect(() => () => typing.stop(), [typing]);

  const setTextAndCaret = (t: string, c: number) => {
    setText(t);
    setCaret(c);
    setPick(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(c, c);
    });
  };

  const suggestions: Suggestion[] = (() => {
    const sq = shortcutAtCaret(text, caret);
    if (sq) return suggestReplies(model.canned, sq.prefix).map((r) => ({ label: `/${r.shortcut.replace(/^\//, "")}`, detail: r.text, apply: () => { const n = insertReply(text, sq, caret, r); setTextAndCaret(n.text, n.caret); } }));
    const mq = mentionAtCaret(text, caret);
    // Without the agents list (403 for non-admins) there is nothing to suggest; typing the handle still works.
    if (mq && model.agents) return suggestMentions(model.agents.filter((a) => a.id !== model.agent.id), mq.prefix).map((a) => ({ label: `@${mentionHandle(a)}`, detail: a.name, apply: () => { const n = completeMention(text, mq, caret, mentionHandle(a)); setTextAndCaret(n.text, n.caret); } }));
    return [];
  })();

  const send = () => {
    const t = text.trim();
    if (!t) return;
    open.send(t, { private: note });
    typing.stop();
    setTextAndCaret("", 0);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (suggestions.length) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setPick((p) => (p + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        suggestions[Math.min(pick, suggestions.length - 1)].apply();
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const a = await model.rest.upload(file);
      open.send("", { attachments: [a], private: note });
    } catch (err) {
      model.fail(err);
    } finally {
      setUploading(false);
    }
  };

  const closed = open.conversation.status === "resolved";
  return (
    <form class={`composer ${note ? "note" : ""}`} onSubmit={(e) => { e.preventDefault(); send(); }}>
      {suggestions.length > 0 && (
        <ul class="suggestions" role="listbox">
          {suggestions.map((s, i) => (
            <li role="option" aria-selected={i === pick} class={i === pick ? "active" : ""} onMouseDown={(e) => { e.preventDefault(); s.apply(); }}>
              <strong>{s.label}</strong> <span>{s.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <textarea ref={area} rows={3} value={text} aria-label="Reply"
        placeholder={closed && !note ? "This conversation is resolved. Reopen it to reply, or write a private note." : note ? "Private note: only agents see it. @name to mention" : "Reply… (/ for canned replies)"}
        onInput={(e) => {
          const el = e.currentTarget;
          setText(el.value);
          setCaret(el.selectionStart ?? el.value.length);
          setPick(0);
          if (!note) typing.input(el.value);
        }}
        onKeyUp={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown} />
      <div class="composer-bar">
        <label class="toggle"><input type="checkbox" checked={note} onChange={(e) => { setNote(e.currentTarget.checked); typing.stop(); }} /> Private note</label>
        <label class="file-button">{uploading ? "Uploading…" : "Attach"}<input type="file" hidden onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ""; if (f) void upload(f); }} /></label>
        <span class="spacer" />
        <button class="primary" type="submit" disabled={!text.trim()}>{note ? "Add note" : "Send"}</button>
      </div>
    </form>
  );
}
