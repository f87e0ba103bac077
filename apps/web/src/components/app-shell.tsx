import type { ReactNode } from 'react';
import { Button, Layout, Menu, Tag } from 'antd';
import { signOut } from '../lib/api-client';
import { ROLE_LABELS } from '../lib/format';
import { menuFor, selectedNav } from '../lib/nav';
import { href, navigate } from '../lib/router';
import type { Schemas } from '../lib/api-types';
import { NotificationBell } from './notification-bell';
import { HeaderSearch } from './header-search';

type SessionUser = Schemas['SignedInUser'];

export function AppShell({
  user,
  route,
  children,
}: {
  user: SessionUser;
  route: string[];
  children: ReactNode;
}) {
  const party = user.role === 'party';
  const items = party
    ? []
    : menuFor(user.role).map((i) => ({ key: i.path, label: <a href={href(i.path)}>{i.label}</a> }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="tj-header">
        <a className="tj-brand" href={href('')} onClick={() => navigate('')}>
          调解平台
        </a>
        {/* parties navigate from their pages (phone-first); staff get the module menu for their role */}
        {!party && (
          <Menu
            mode="horizontal"
            selectedKeys={[selectedNav(user.role, route)]}
            items={items}
            aria-label="功能菜单"
          />
        )}
        <div className="tj-user">
          {!party && <HeaderSearch />}
          <NotificationBell party={party} />
          {!party && (
            <Tag className="tj-role-tag" color="blue">
              {ROLE_LABELS[user.role] ?? user.role}
            </Tag>
          )}
          <span className="tj-user-name" title={user.displayName}>
            {user.displayName}
          </span>
          <Button size="small" onClick={() => void signOut().then(() => navigate('login'))}>
            退出登录
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content className={`tj-content ${party ? 'tj-content-party' : 'tj-content-staff'}`}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
