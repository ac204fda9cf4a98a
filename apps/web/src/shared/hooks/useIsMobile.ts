import { Grid } from 'antd';

/** Phone width (below antd's `md`, 768 px): drawers instead of the side menu, cards instead of tables. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
