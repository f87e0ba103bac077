import { Menu } from 'antd';
import { menuFor, selectedNav } from '../lib/nav';
import { href } from '../lib/router';
import type { Schemas } from '../lib/api-types';

type Role = Schemas['Role'];

/** The module menu of a staff role in the header. */
export function StaffMenu({ role, route }: { role: Role; route: string[] }) {
  const items = menuFor(role).map((i) => ({ key: i.path, label: <a href={href(i.path)}>{i.label}</a> }));
  return (
    <Menu mode="horizontal" selectedKeys={[selectedNav(role, route)]} items={items} aria-label="功能菜单" />
  );
}
