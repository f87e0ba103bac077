/**
 * Screen-reader and keyboard fixes applied to antd's markup as it appears, so no page has to remember them:
 * - a region that scrolls sideways or holds a message list gets tabindex 0 and a Chinese name, so the keyboard can
 *   reach and scroll it (WCAG 2.1.1);
 * - the year and month buttons of antd's calendars are named 选择年份/选择月份 while they show 2026年/12月: the
 *   visible text becomes their name (WCAG 2.5.3);
 * - antd's Tabs put the overflow ("more") button inside role=tablist; the role moves to the list of tabs itself.
 */
const SCROLLERS: [string, string][] = [
  ['.ant-table-content, .ant-table-body', '表格（可左右滚动）'],
  ['.tj-chat-list', '消息记录'],
];

function fix(root: ParentNode): void {
  for (const [selector, name] of SCROLLERS)
    root.querySelectorAll<HTMLElement>(selector).forEach((el) => {
      if (el.hasAttribute('tabindex')) return;
      el.tabIndex = 0;
      if (!el.hasAttribute('role')) el.setAttribute('role', 'region');
      if (!el.hasAttribute('aria-label')) el.setAttribute('aria-label', name);
    });
  root
    .querySelectorAll<HTMLElement>('.ant-picker-header-view button[aria-label]')
    .forEach((el) => el.removeAttribute('aria-label'));
  root.querySelectorAll<HTMLElement>('.ant-tabs-nav[role="tablist"]').forEach((nav) => {
    const list = nav.querySelector<HTMLElement>('.ant-tabs-nav-list');
    if (!list) return;
    const orientation = nav.getAttribute('aria-orientation');
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
    list.setAttribute('role', 'tablist');
    if (orientation) list.setAttribute('aria-orientation', orientation);
  });
}

let installed = false;

export function installA11yFixes(): void {
  if (installed || typeof MutationObserver === 'undefined') return;
  installed = true;
  fix(document);
  new MutationObserver(() => fix(document)).observe(document.body, { childList: true, subtree: true });
}
