import { useEffect, useState } from 'preact/hooks';

/**
 * History routing: every page has its own URL (/databases/<id>?tab=queries&range=24h), which the
 * server answers with index.html. Clicks on same-origin links are handled here, without a reload.
 */
export interface Place {
  readonly path: string;
  readonly query: URLSearchParams;
}

const listeners = new Set<() => void>();

function here(): Place {
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  for (const listener of listeners) listener();
  if (!replace) window.scrollTo(0, 0);
}

/** Replaces query params of the current URL (filters, tabs, ranges) without a new history entry per keystroke. */
export function setQuery(changes: Record<string, string | undefined>, replace = true): void {
  const query = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') query.delete(k);
    else query.set(k, v);
  }
  const search = query.toString();
  navigate(`${location.pathname}${search ? `?${search}` : ''}`, replace);
}

export function usePlace(): Place {
  const [place, setPlace] = useState(here);
  useEffect(() => {
    const update = () => setPlace(here());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return place;
}

/** Same-origin links become client-side navigations (modifier clicks keep opening new tabs). */
export function interceptLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    if (!link || link.target || link.origin !== location.origin || /^\/(api|docs)(\/|$)/.test(link.pathname)) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
}
