import type { ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCareMode } from './lib/care-mode';

const FONT =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

// antd's default primary (#1677ff) on white is 4.1:1; a darker blue passes WCAG AA (4.5:1) for text and links
// zeroRuntime: component styles come from antd's static sheet (lib/antd-styles.ts); the tokens below still set its
// CSS variables at runtime
const STANDARD: ThemeConfig = {
  zeroRuntime: true,
  token: {
    fontFamily: FONT,
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    // antd's 0.45 grey (#8c8c8c) is 3.4:1 on white; 0.6 passes AA on white and on the page's grey
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorPrimaryHover: '#003eb3',
    colorError: '#cf1322',
    colorLinkHover: '#003eb3',
  },
};

// 关怀模式: 18 px body type, 48 px controls, near-black text, stronger borders (适老化: large type, high contrast)
const CARE: ThemeConfig = {
  zeroRuntime: true,
  token: {
    fontFamily: FONT,
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    fontSizeHeading4: 24,
    fontSizeHeading3: 28,
    lineHeight: 1.6,
    controlHeight: 48,
    controlHeightSM: 40,
    controlHeightLG: 56,
    colorPrimary: '#003eb3',
    colorLink: '#003eb3',
    colorInfo: '#003eb3',
    colorText: '#000000',
    colorTextSecondary: 'rgba(0, 0, 0, 0.8)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.7)',
    colorTextDescription: 'rgba(0, 0, 0, 0.75)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorPrimaryHover: '#002c8c',
    colorLinkHover: '#002c8c',
    colorBorder: '#8c8c8c',
    colorError: '#a8071a',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    borderRadius: 8,
  },
};

/**
 * Dropdowns, pickers and dialogs open inside the page's main landmark, not loose in <body>, so a screen reader
 * finds them within the page's regions (axe: region).
 */
function popupContainer(trigger?: HTMLElement): HTMLElement {
  return trigger?.closest('main') ?? document.querySelector('main') ?? document.body;
}

/** antd's locale and theme; switching 关怀模式 re-themes every page at once. */
export function Themed({ children }: { children: ReactNode }) {
  const care = useCareMode();
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={care ? CARE : STANDARD}
      getPopupContainer={popupContainer}
    >
      {children}
    </ConfigProvider>
  );
}
