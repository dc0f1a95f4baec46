// A read channel for a settings panel: the value, its error, and reload() after a change.
import { useCallback, useEffect, useState } from 'react';
import { call, errorInfo, type ChannelName, type InputOf, type LedgerErrorInfo, type OutputOf } from '../../ledger-client';

export function useRead<C extends ChannelName>(channel: C, input: InputOf<C>) {
  const key = JSON.stringify(input);
  const [value, setValue] = useState<OutputOf<C> | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await call(channel, JSON.parse(key) as InputOf<C>));
      setError(null);
    } catch (e) {
      setError(errorInfo(e));
    }
  }, [channel, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
