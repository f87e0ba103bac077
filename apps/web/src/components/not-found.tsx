import { Button, Result } from 'antd';
import { navigate } from '../lib/router';
import { HiddenTitle } from './page-title';

export function NotFound() {
  return (
    <>
      <HiddenTitle>页面不存在</HiddenTitle>
      <Result
        status="404"
        title="页面不存在"
        subTitle="您访问的页面不存在或已移除。"
        extra={
          <Button type="primary" onClick={() => navigate('')}>
            返回首页
          </Button>
        }
      />
    </>
  );
}
