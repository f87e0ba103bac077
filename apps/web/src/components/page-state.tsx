import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { PageSkeleton } from './page-skeleton';

/** A skeleton in the content's place while loading (nothing jumps when data arrives), error with retry, or the content. */
export function PageState({
  loading,
  error,
  hasData,
  onRetry,
  children,
}: {
  loading: boolean;
  error: string | null;
  hasData: boolean;
  onRetry?: () => void;
  children: ReactNode;
}) {
  if (!hasData && loading) {
    return <PageSkeleton title={false} />;
  }
  if (!hasData && error) {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={error}
        action={
          onRetry && (
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          )
        }
      />
    );
  }
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {children}
    </>
  );
}
