import { useState } from "preact/hooks";
import type { ConsoleModel } from "../consoleModel";
import { useLoad } from "./useLoad";

export function GroupsPage({ model }: { model: ConsoleModel }) {
  const [groups, reload] = useLoad(model, () => model.rest.groups());
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const add = async (ev: Event) => {
    ev.preventDefault();
    await model.rest.createGroup({ id: id.trim(), name: name.trim() }).then(() => { setId(""); setName(""); reload(); }, (e) => model.fail(e));
  };
  return (
    <>
      <h2>Groups</h2>
      <form class="inline" onSubmit={add}>
        <input placeholder="id, e.g. billing" aria-label="Group id" value={id} onInput={(e) => setId(e.currentTarget.value)} required pattern="[a-z0-9-]{1,40}" />
        <input placeholder="Name" aria-label="Group name" value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        <button class="primary">Add group</button>
      </form>
      <table>
        <thead><tr><th>Id</th><th>Name</th><th /></tr></thead>
        <tbody>
          {groups?.map((g) => (
            <tr><td>{g.id}</td><td>{g.name}</td><td><button class="small danger" onClick={() => confirm(`Delete group ${g.name}?`) && void model.rest.deleteGroup(g.id).then(reload, (e) => model.fail(e))}>Delete</button></td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
