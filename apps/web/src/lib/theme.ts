import type { ThemeConfig } from 'antd';

// Calm government blue; fonts that exist on Windows office PCs, Android/iOS phones and Debian servers.
export const brandBlue = '#1d5fa8';
export const brandNavy = '#143d6b';

const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
].join(', ');

export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: brandBlue,
    colorInfo: brandBlue,
    colorLink: brandBlue,
    colorBgLayout: '#f3f5f8',
    borderRadius: 6,
    fontFamily,
  },
  components: {
    Layout: { headerBg: brandNavy, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8f0fa', itemSelectedColor: brandBlue },
  },
};

// Senior-friendly mode (适老化): body text ≥ 18 px, touch targets ≥ 48 px, darker text for contrast.
export function portalTheme(seniorMode: boolean): ThemeConfig {
  const base: ThemeConfig['token'] = {
    colorPrimary: brandBlue,
    colorInfo: brandBlue,
    colorLink: brandBlue,
    colorBgLayout: '#f4f6f9',
    borderRadius: 10,
    fontFamily,
    fontSize: 16,
    controlHeight: 44,
    controlHeightLG: 48,
  };
  if (!seniorMode) return { token: base };
  return {
    token: {
      ...base,
      fontSize: 18,
      fontSizeLG: 20,
      fontSizeHeading4: 22,
      fontSizeHeading5: 20,
      controlHeight: 48,
      controlHeightLG: 56,
      colorText: '#000000',
      colorTextSecondary: '#262626',
      colorTextDescription: '#333333',
      colorTextTertiary: '#3a3a3a',
      colorBorder: '#8c8c8c',
      colorBorderSecondary: '#bfbfbf',
      colorTextDisabled: '#5c5c5c',
      colorPrimary: '#0f4c92',
    },
    components: {
      Switch: { trackHeight: 32, trackMinWidth: 64, handleSize: 28, innerMinMargin: 10, innerMaxMargin: 38 },
    },
  };
}
