import { Fragment } from 'react';

/** `text` with every occurrence of `words` marked (case-insensitive), longest words first. */
export function HighlightText({ text, words }: { text: string; words: string[] }) {
  const usable = words.filter((w) => w.length > 0);
  if (usable.length === 0) return <>{text}</>;
  const escaped = usable.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="tj-mark">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
