import { createContext, useContext } from 'react';
import type { Capabilities } from '../api/capabilities';

export interface ConsoleConfig {
  productName: string;
  logoUrl: string;
}

export const DEFAULT_CONFIG: ConsoleConfig = { productName: 'Kumo', logoUrl: '' };

export const ConfigContext = createContext<ConsoleConfig>(DEFAULT_CONFIG);
export const CapabilitiesContext = createContext<Capabilities>({ has: () => false });

export const useConsoleConfig = () => useContext(ConfigContext);
export const useCapabilities = () => useContext(CapabilitiesContext);
