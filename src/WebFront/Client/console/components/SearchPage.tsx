import { useState } from "preact/hooks";
import type { Message } from "../../shared/protocol";
import type { ConsoleModel } from "../consoleModel";
import { MessageText } from "./MessageText";

export function SearchPage({ model }: { model: ConsoleModel }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Message[] | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (ev: Event) => {
    ev.preventDefault();
    if (!q.trim()) return;
    setBusy(true);
    try {
      setResults(await model.rest.search(q.trim()));
    } catch (err) {
      model.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page">
      <h2>Search history</h2>
      <form class="inline" onSubmit={search}>
        <input type="search" aria-label="Search" placeholder="Words from messages" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        <button class="primary" disabled={busy}>Search</button>
      </form>
      {results && results.length === 0 && <p class="meta">No messages found.</p>}
      <ul class="results">
        {results?.map((m) => (
          <li>
            <a href={`#/inbox/${encodeURIComponent(m.conversationId)}`}>
              <span class="who">{m.author.name || m.author.kind}</span>
              <span class="meta"> · {new Date(m.sentAt).toLocaleString()}{m.private ? " · private note" : ""}</span>
              <div><MessageText text={m.text} /></div>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
