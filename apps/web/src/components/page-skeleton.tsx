import { Skeleton } from 'antd';
import { HiddenTitle } from './page-title';

/**
 * What a page shows while its code or first data loads: a title bar and a few lines in the space the content
 * will take, so nothing below jumps when it arrives.
 */
export function PageSkeleton({ rows = 4, title = true }: { rows?: number; title?: boolean }) {
  return (
    <div className="tj-page-skeleton" role="status" aria-live="polite" aria-label="页面加载中">
      {title && <HiddenTitle>页面加载中</HiddenTitle>}
      {title && <Skeleton.Input active size="large" style={{ width: 160, marginBottom: 16 }} />}
      <Skeleton active title={false} paragraph={{ rows }} />
    </div>
  );
}
