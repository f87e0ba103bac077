import type { ReactNode } from 'react';
import { Button, Layout, Menu, Tag } from 'antd';
import { signOut } from '../lib/api-client';
import { ROLE_LABELS } from '../lib/format';
import { href, navigate } from '../lib/router';
import type { SessionUser } from '../lib/types';

const STAFF_MENU = [
  { key: 'queue', label: <a href={href('queue')}>案件工作台</a> },
  // later work (court console, district administration, statistics): named placeholders, no data
  { key: 'court', label: '法院司法确认（建设中）', disabled: true },
  { key: 'district', label: '区级统筹与统计（建设中）', disabled: true },
];

export function AppShell({ user, route, children }: { user: SessionUser; route: string[]; children: ReactNode }) {
  const party = user.role === 'party';
  const selected = route[0] === 'work' || !route[0] ? 'queue' : route[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="tj-header">
        <a className="tj-brand" href={href('')} onClick={() => navigate('')}>调解平台</a>
        {/* parties navigate from their pages (phone-first); staff get the module menu */}
        {!party && <Menu mode="horizontal" selectedKeys={[selected]} items={STAFF_MENU} />}
        <div className="tj-user">
          {!party && <Tag color="blue">{ROLE_LABELS[user.role] ?? user.role}</Tag>}
          <span className="tj-user-name" title={user.displayName}>{user.displayName}</span>
          <Button size="small" onClick={() => void signOut().then(() => navigate('login'))}>退出登录</Button>
        </div>
      </Layout.Header>
      <Layout.Content className={`tj-content ${party ? 'tj-content-party' : 'tj-content-staff'}`}>{children}</Layout.Content>
    </Layout>
  );
}
