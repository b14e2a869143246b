import { useEffect, useState } from "preact/hooks";

/** The route is the location hash ("#/inbox/abc" → ["inbox", "abc"]), so reload and back keep the view. */
export function useHashRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}
