import href from 'antd/dist/antd.css?url';

let applied: Promise<void> | null = null;

/**
 * antd's component styles as one static, immutable-cached stylesheet (antd's zero-runtime mode): a phone at 4× CPU
 * slowdown no longer builds them in JavaScript on every visit. The link goes first in <head>, where antd's runtime
 * styles used to be prepended, so the app's own rules still win ties; resolves once the sheet applies (or failed).
 */
export function loadAntdStyles(): Promise<void> {
  applied ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.prepend(link);
  });
  return applied;
}
