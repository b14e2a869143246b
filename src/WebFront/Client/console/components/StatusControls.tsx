import type { AgentStatus } from "../../shared/protocol";
import type { ConsoleModel } from "../consoleModel";

export function StatusControls({ model }: { model: ConsoleModel }) {
  const a = model.agent;
  return (
    <span class="status-controls">
      <select aria-label="Status" class={`status ${a.status}`} value={a.status} onChange={(e) => void model.setStatus(e.currentTarget.value as AgentStatus)}>
        <option value="online">Online</option>
        <option value="away">Away</option>
        <option value="offline">Offline</option>
      </select>
      <label title="How many conversations you take at once">
        Capacity
        <input type="number" min={1} max={50} value={a.capacity}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (n >= 1 && n <= 50) void model.setCapacity(n);
          }} />
      </label>
    </span>
  );
}
