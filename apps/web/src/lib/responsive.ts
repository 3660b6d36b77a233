import { Grid } from 'antd';

/** Phones and narrow windows (below antd's `md`, 768 px): drawers take the whole width, forms one column. */
export function useIsNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

/** A drawer's width: `wide` px on a desktop, the whole screen on a phone. */
export function useDrawerSize(wide: number): number | string {
  return useIsNarrow() ? '100%' : wide;
}
