import { Typography } from 'antd';

/**
 * A party's own words can run to thousands of characters: show the first lines and let the reader expand them, so
 * the page (and the buttons below it) stays a screen or two high.
 */
export function LongText({ text, rows = 4, testId }: { text: string; rows?: number; testId?: string }) {
  return (
    <Typography.Paragraph
      data-testid={testId}
      style={{ marginBottom: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      ellipsis={{
        rows,
        expandable: 'collapsible',
        symbol: (expanded: boolean) => (expanded ? '收起' : '展开'),
      }}
    >
      {text}
    </Typography.Paragraph>
  );
}
