import { useState } from "preact/hooks";
import type { Agent, AgentInput, AgentRole } from "../../shared/protocol";
import type { ConsoleModel } from "../consoleModel";
import { useLoad } from "./useLoad";

const empty: AgentInput = { email: "", name: "", role: "agent", password: "", capacity: 5, groups: [] };

export function AgentsPage({ model }: { model: ConsoleModel }) {
  const [agents, reload] = useLoad(model, () => model.rest.agents());
  const [editing, setEditing] = useState<string | null>(null); // agent id, "" for a new agent
  const [form, setForm] = useState<AgentInput>(empty);

  const edit = (a?: Agent) => {
    setEditing(a?.id ?? "");
    setForm(a ? { email: a.email, name: a.name, role: a.role, capacity: a.capacity, groups: a.groups, password: "" } : empty);
  };
  const save = async (ev: Event) => {
    ev.preventDefault();
    const body: AgentInput = { ...form, password: form.password || undefined };
    try {
      if (editing) await model.rest.updateAgent(editing, body);
      else await model.rest.createAgent(body);
      setEditing(null);
      reload();
    } catch (err) {
      model.fail(err);
    }
  };
  const remove = async (a: Agent) => {
    if (!confirm(`Delete agent ${a.name}?`)) return;
    await model.rest.deleteAgent(a.id).then(reload, (e) => model.fail(e));
  };
  const set = <K extends keyof AgentInput>(k: K, v: AgentInput[K]) => setForm({ ...form, [k]: v });

  return (
    <>
      <h2>Agents <button onClick={() => edit()}>Add agent</button></h2>
      {editing !== null && (
        <form class="card" onSubmit={save}>
          <label>Name<input value={form.name} onInput={(e) => set("name", e.currentTarget.value)} required /></label>
          <label>E-mail<input type="email" value={form.email} onInput={(e) => set("email", e.currentTarget.value)} required /></label>
          <label>Role<select value={form.role} onChange={(e) => set("role", e.currentTarget.value as AgentRole)}><option value="agent">Agent</option><option value="admin">Admin</option></select></label>
          <label>Capacity<input type="number" min={1} max={50} value={form.capacity} onInput={(e) => set("capacity", Number(e.currentTarget.value))} /></label>
          <label>Groups (comma separated ids)<input value={form.groups.join(", ")} onInput={(e) => set("groups", e.currentTarget.value.split(",").map((g) => g.trim()).filter(Boolean))} /></label>
          <label>{editing ? "New password (leave empty to keep)" : "Password"}<input type="password" autocomplete="new-password" value={form.password ?? ""} onInput={(e) => set("password", e.currentTarget.value)} required={!editing} /></label>
          <div><button class="primary">Save</button> <button type="button" onClick={() => setEditing(null)}>Cancel</button></div>
        </form>
      )}
      <table>
        <thead><tr><th>Name</th><th>E-mail</th><th>Role</th><th>Status</th><th>Capacity</th><th>Groups</th><th /></tr></thead>
        <tbody>
          {agents?.map((a) => (
            <tr>
              <td>{a.name}</td><td>{a.email}</td><td>{a.role}</td><td>{a.status}</td><td>{a.capacity}</td><td>{a.groups.join(", ")}</td>
              <td><button class="small" onClick={() => edit(a)}>Edit</button> {a.id !== model.agent.id && <button class="small danger" onClick={() => void remove(a)}>Delete</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
