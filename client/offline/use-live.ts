/** A React hook over Dexie's liveQuery: screens re-render when the tablet's database changes. */
import { liveQuery } from 'dexie';
import { type DependencyList, useEffect, useState } from 'react';

export function useLive<T>(query: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error(e) });
    return () => sub.unsubscribe();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists the query's inputs
  }, deps);
  return value;
}
