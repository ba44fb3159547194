import { useConsoleConfig } from '../state/App';

export function Logo({ size = 28 }: { size?: number }) {
  const { logoUrl, productName } = useConsoleConfig();
  return <img src={logoUrl || '/logo.svg'} alt={productName} height={size} style={{ display: 'block' }} />;
}
