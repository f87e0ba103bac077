import { Suspense, type ReactNode } from 'react';
import { Button, Layout, Tag } from 'antd';
import { signOut } from '../lib/api-client';
import { ROLE_LABELS } from '../lib/format';
import { lazyPage } from '../lib/lazy-page';
import { href, navigate } from '../lib/router';
import { CareSwitch } from './care-switch';
import type { Schemas } from '../lib/api-types';
import { NotificationBell } from './notification-bell';

type SessionUser = Schemas['SignedInUser'];

// the module menu is staff-only: a party's phone never downloads it
const StaffMenu = lazyPage(() => import('./staff-menu'), 'StaffMenu');
const HeaderSearch = lazyPage(() => import('./header-search'), 'HeaderSearch');

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
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="tj-header">
        <a className="tj-brand" href={href('')} onClick={() => navigate('')}>
          调解平台
        </a>
        {/* parties navigate from their pages (phone-first); staff get the module menu for their role */}
        {!party && (
          <Suspense fallback={<div className="tj-menu-placeholder" />}>
            <StaffMenu role={user.role} route={route} />
          </Suspense>
        )}
        <div className="tj-user">
          {!party && (
            <Suspense fallback={null}>
              <HeaderSearch />
            </Suspense>
          )}
          <CareSwitch />
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
