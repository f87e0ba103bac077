import type { CSSProperties, ReactNode } from 'react';
import { Typography, theme } from 'antd';

type Level = 1 | 2 | 3 | 4 | 5;

/**
 * A heading whose outline level and look are separate: a page's title is its one h1 (screen readers jump to it)
 * while it keeps the size of antd's level-4 title, and the headings under it follow in order (h2, …).
 * Sizes come from the theme, so 关怀模式's larger headings apply.
 */
export function Heading({
  level,
  look,
  style,
  children,
}: {
  level: Level;
  look: Level;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const sized = {
    fontSize: token[`fontSizeHeading${look}`],
    lineHeight: token[`lineHeightHeading${look}`],
  };
  return (
    <Typography.Title level={level} style={{ ...sized, ...style }}>
      {children}
    </Typography.Title>
  );
}

/** The page's visible title: its h1, drawn as antd's level-4 title. */
export function PageTitle({ children, look = 4 }: { children: ReactNode; look?: Level }) {
  return (
    <Heading level={1} look={look} style={{ margin: 0 }}>
      {children}
    </Heading>
  );
}

/** The page's h1 where the design shows no title: read by screen readers, not drawn. */
export function HiddenTitle({ children }: { children: ReactNode }) {
  return <h1 className="tj-sr-only">{children}</h1>;
}
