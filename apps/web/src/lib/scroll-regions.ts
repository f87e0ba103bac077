/**
 * Tables wider than the screen scroll sideways inside antd's container, which a keyboard cannot reach unless it
 * is focusable. Every such container gets tabindex 0 and a Chinese name as it appears, so arrow keys scroll it
 * (WCAG 2.1.1) without each page having to remember it.
 */
const SELECTOR = '.ant-table-content, .ant-table-body';

function mark(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(SELECTOR).forEach((el) => {
    if (el.hasAttribute('tabindex')) return;
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', '表格（可左右滚动）');
  });
}

let installed = false;

export function installScrollRegionAccess(): void {
  if (installed || typeof MutationObserver === 'undefined') return;
  installed = true;
  mark(document);
  new MutationObserver(() => mark(document)).observe(document.body, { childList: true, subtree: true });
}
