import { useState } from 'react';
import { App, Button } from 'antd';
import { apiDownload, errorText } from '../../lib/api-client';

/** The relations that make the reader the case's staff, to whom the case file (卷宗) belongs. */
const STAFF_RELATIONS = ['handling_body', 'assigned_mediator', 'district', 'court'];

/** 下载案件卷宗: the case, its sessions with their records (笔录, the video sessions' records) and the agreement. */
export function CaseFileButton({
  caseId,
  number,
  relations,
}: {
  caseId: string;
  number: string;
  relations: string[];
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!relations.some((r) => STAFF_RELATIONS.includes(r))) return null;
  const download = async () => {
    setBusy(true);
    try {
      await apiDownload(`/cases/${caseId}/case-file.pdf`, `案件卷宗-${number}.pdf`);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" loading={busy} onClick={() => void download()}>
      下载案件卷宗
    </Button>
  );
}
