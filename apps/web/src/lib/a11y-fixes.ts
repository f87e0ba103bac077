/**
 * Screen-reader and keyboard fixes applied to antd's markup as it appears, so no page has to remember them:
 * - a region that scrolls sideways or holds a message list gets tabindex 0 and a Chinese name, unique on the page,
 *   so the keyboard can reach and scroll it (WCAG 2.1.1);
 * - the year and month buttons of antd's calendars are named 选择年份/选择月份 while they show 2026年/12月: the
 *   visible text becomes their name (WCAG 2.5.3);
 * - antd's Tabs put the overflow ("more") button inside role=tablist; the role moves to the list of tabs itself;
 * - a Select's option list (role=listbox, id `<input id>_list`) takes the name of its field: the field's label,
 *   else its own aria-label (WCAG 4.1.2).
 */
const SCROLLERS: [string, string][] = [
  ['.ant-table-content, .ant-table-body', '表格（可左右滚动）'],
  ['.tj-chat-list', '消息记录'],
];

function fix(root: ParentNode): void {
  nameListboxes(root);
  for (const [selector, name] of SCROLLERS)
    root.querySelectorAll<HTMLElement>(selector).forEach((el) => {
      if (el.hasAttribute('tabindex')) return;
      el.tabIndex = 0;
      if (!el.hasAttribute('role')) el.setAttribute('role', 'region');
      if (!el.hasAttribute('aria-label')) el.setAttribute('aria-label', uniqueName(el, name));
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

/**
 * Two regions with one name are indistinguishable landmarks: a table in a titled card takes the card's title
 * (「导入记录」表格（可左右滚动）), and a name already on the page gets a number.
 */
function uniqueName(el: HTMLElement, name: string): string {
  const card = el.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent?.trim();
  const base = card ? `「${card}」${name}` : name;
  const taken = new Set(
    [...document.querySelectorAll('[role="region"][aria-label]')].map((r) => r.getAttribute('aria-label')),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

/** The accessible name of the input `id`: its aria-label, else the text of a label for it. */
function fieldName(id: string): string | null {
  const input = document.getElementById(id);
  const own = input?.getAttribute('aria-label');
  if (own) return own;
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  return label?.textContent?.trim() || null;
}

function nameListboxes(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[role="listbox"][id$="_list"]').forEach((el) => {
    if (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) return;
    el.setAttribute('aria-label', fieldName(el.id.slice(0, -'_list'.length)) ?? '选项');
  });
}

let installed = false;

export function installA11yFixes(): void {
  if (installed || typeof MutationObserver === 'undefined') return;
  installed = true;
  fix(document);
  new MutationObserver(() => fix(document)).observe(document.body, { childList: true, subtree: true });
}
