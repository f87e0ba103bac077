import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Modal,
  Popconfirm,
  Row,
  Select,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useDirectory } from '../../lib/directory';
import { fmtDateTime, ROLE_LABELS } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useSocketEvent } from '../../lib/use-socket';
import { ChatRoom } from '../../components/chat-room';
import { PageState } from '../../components/page-state';
import { LinkageMinutes } from './linkage-minutes';
import type { Schemas } from '../../lib/api-types';
import { HiddenTitle, PageTitle } from '../../components/page-title';

type SessionUser = Schemas['SignedInUser'];
type LinkageMember = Schemas['LinkageRoomMember'];

/** One linkage room: the live discussion, members (hosts invite organisations and remove people) and minutes. */
export function LinkageRoomPage({ id, user }: { id: string; user: SessionUser }) {
  const { message } = App.useApp();
  const dir = useDirectory();
  const room = useAsync(
    () => unwrap(apiClient.GET('/api/rooms/linkage/{id}', { params: { path: { id } } })),
    [id],
  );
  const [inviting, setInviting] = useState(false);
  const [orgIds, setOrgIds] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  useSocketEvent('room:removed', (r) => {
    if (r.roomId === id) void room.reload();
  });
  useSocketEvent('message:new', (m) => {
    if (m.roomId === id && m.kind === 'system') void room.reload();
  });

  const r = room.data;
  const host = r?.myRole === 'host';
  const invite = async () => {
    setBusy('invite');
    try {
      await unwrap(apiClient.POST('/api/rooms/{id}/members', { params: { path: { id } }, body: { orgIds } }));
      message.success('已邀请');
      setInviting(false);
      setOrgIds([]);
      await room.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  const remove = async (m: LinkageMember) => {
    setBusy(m.userId);
    try {
      await unwrap(
        apiClient.DELETE('/api/rooms/{id}/members/{userId}', { params: { path: { id, userId: m.userId } } }),
      );
      message.success(`已将 ${m.name} 移出会议室`);
      await room.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="tj-stack">
      <Button type="link" style={{ padding: 0 }} onClick={() => navigate('linkage')}>
        ‹ 返回府院联动
      </Button>
      {/* the room's title is the h1 once it has loaded */}
      {!r && <HiddenTitle>府院联动室</HiddenTitle>}
      <PageState loading={room.loading} error={room.error} hasData={!!r} onRetry={room.reload}>
        {r && (
          <>
            <Card size="small">
              <div className="tj-row">
                <PageTitle>{r.title}</PageTitle>
                {host && <Tag color="blue">我是主持人</Tag>}
              </div>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'a',
                    label: r.dispute ? '关联行政争议' : '议题',
                    children: r.dispute ? `${r.dispute.number} ${r.dispute.title}` : (r.topic ?? '—'),
                  },
                  { key: 'c', label: '创建时间', children: fmtDateTime(r.createdAt) },
                  {
                    key: 'm',
                    label: '成员',
                    children: `${r.members.length} 人，来自 ${new Set(r.members.map((m) => m.orgId)).size} 个单位`,
                  },
                ]}
              />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card size="small" styles={{ body: { padding: 8 } }}>
                  <ChatRoom
                    room={{ id: r.id, kind: 'linkage', title: '会商讨论', partyId: null, lastSeq: r.lastSeq }}
                    userId={user.id}
                    isParty={false}
                    height={420}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card size="small">
                  <Tabs
                    items={[
                      {
                        key: 'members',
                        label: '成员',
                        children: (
                          <div className="tj-stack">
                            {host && (
                              <Button size="small" onClick={() => setInviting(true)}>
                                邀请单位
                              </Button>
                            )}
                            <Table<LinkageMember>
                              rowKey="userId"
                              size="small"
                              pagination={false}
                              dataSource={r.members}
                              scroll={{ x: 420 }}
                              columns={[
                                {
                                  title: '姓名',
                                  dataIndex: 'name',
                                  render: (v: string, m) => (
                                    <>
                                      {v}
                                      {m.role === 'host' && (
                                        <Tag color="blue" style={{ marginLeft: 4 }}>
                                          主持人
                                        </Tag>
                                      )}
                                    </>
                                  ),
                                },
                                {
                                  title: '单位',
                                  dataIndex: 'orgName',
                                  ellipsis: true,
                                  render: (v: string | null) => v ?? '—',
                                },
                                {
                                  title: '身份',
                                  dataIndex: 'userRole',
                                  width: 110,
                                  render: (v: string) => ROLE_LABELS[v] ?? v,
                                },
                                ...(host
                                  ? [
                                      {
                                        title: '操作',
                                        key: 'op',
                                        width: 70,
                                        render: (_: unknown, m: LinkageMember) =>
                                          m.userId === user.id ? null : (
                                            <Popconfirm
                                              title={`将 ${m.name} 移出会议室？`}
                                              okText="移出"
                                              cancelText="取消"
                                              onConfirm={() => remove(m)}
                                            >
                                              <Button
                                                size="small"
                                                type="link"
                                                danger
                                                loading={busy === m.userId}
                                              >
                                                移出
                                              </Button>
                                            </Popconfirm>
                                          ),
                                      },
                                    ]
                                  : []),
                              ]}
                            />
                          </div>
                        ),
                      },
                      {
                        key: 'minutes',
                        label: '会议纪要',
                        children: <LinkageMinutes roomId={r.id} title={r.title} />,
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          </>
        )}
      </PageState>
      <Modal
        title="邀请单位"
        open={inviting}
        onCancel={() => setInviting(false)}
        okText="邀请"
        cancelText="取消"
        confirmLoading={busy === 'invite'}
        okButtonProps={{ disabled: orgIds.length === 0 }}
        onOk={() => void invite()}
      >
        <Form layout="vertical">
          <Form.Item label="单位" extra="所选单位的在岗工作人员均成为成员">
            <Select
              mode="multiple"
              value={orgIds}
              onChange={setOrgIds}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label="单位"
              options={(dir.data?.organizations ?? [])
                .filter((o) => o.active)
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
