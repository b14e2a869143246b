import { useState } from "preact/hooks";
import type { ConsoleModel } from "../consoleModel";
import { newClientMessageId } from "../../shared/ids";
import { useLoad } from "./useLoad";

export function CannedRepliesPage({ model }: { model: ConsoleModel }) {
  const [replies, reload] = useLoad(model, () => model.rest.cannedReplies());
  const [shortcut, setShortcut] = useState("");
  const [text, setText] = useState("");
  const add = async (ev: Event) => {
    ev.preventDefault();
    // The protocol's body carries an id; a fresh random one, the server may replace it.
    await model.rest.createCannedReply({ id: newClientMessageId(), shortcut: shortcut.trim().replace(/^\//, ""), text: text.trim() })
      .then(() => { setShortcut(""); setText(""); reload(); }, (e) => model.fail(e));
  };
  return (
    <>
      <h2>Canned replies</h2>
      <p class="meta">Agents type "/" and the shortcut in the reply box to insert the text.</p>
      <form class="card" onSubmit={add}>
        <label>Shortcut<input placeholder="refund" value={shortcut} onInput={(e) => setShortcut(e.currentTarget.value)} required /></label>
        <label>Text<textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} required /></label>
        <div><button class="primary">Add reply</button></div>
      </form>
      <table>
        <thead><tr><th>Shortcut</th><th>Text</th><th /></tr></thead>
        <tbody>
          {replies?.map((r) => (
            <tr><td>/{r.shortcut}</td><td class="pre">{r.text}</td><td><button class="small danger" onClick={() => void model.rest.deleteCannedReply(r.id).then(reload, (e) => model.fail(e))}>Delete</button></td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
