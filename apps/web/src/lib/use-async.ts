import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './api-client';

/** Loads data on mount and on `reload()`; keeps the previous data while reloading. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
      return value;
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
      return null;
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, deps);

  return { data, error, loading, reload, setData };
}
