import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { applySeniorMode, saveSeniorMode } from './senior-mode.ts';

interface SeniorModeValue {
  seniorMode: boolean;
  setSeniorMode: (on: boolean) => void;
}

const SeniorModeContext = createContext<SeniorModeValue>({ seniorMode: false, setSeniorMode: () => {} });

export function SeniorModeProvider({ initial, children }: { initial: boolean; children: ReactNode }) {
  const [seniorMode, setState] = useState(initial);
  const setSeniorMode = useCallback((on: boolean) => {
    applySeniorMode(on);
    saveSeniorMode(on);
    setState(on);
  }, []);
  const value = useMemo(() => ({ seniorMode, setSeniorMode }), [seniorMode, setSeniorMode]);
  return <SeniorModeContext.Provider value={value}>{children}</SeniorModeContext.Provider>;
}

export function useSeniorMode(): SeniorModeValue {
  return useContext(SeniorModeContext);
}
