import { useEffect, useState } from "preact/hooks";
import type { ConsoleModel } from "../consoleModel";

/** Loads a list for an admin page and reloads it after each change; errors go to the model's error bar. */
export function useLoad<T>(model: ConsoleModel, load: () => Promise<T>): [T | undefined, () => void] {
  const [value, setValue] = useState<T>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    load().then(setValue, (e) => model.fail(e));
  }, [version]);
  return [value, () => setVersion((v) => v + 1)];
}
