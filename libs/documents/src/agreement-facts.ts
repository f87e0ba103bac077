/**
 * The agreement states the dispute's main facts (纠纷主要事实); a party's own account can run to thousands of
 * characters and stays in the case file. Longer facts are cut at a sentence end and say where the rest is.
 */
export const AGREEMENT_FACTS_MAX_CHARS = 600;

const NOTE = '（以上为纠纷事实摘要，当事人的完整陈述存于调解案卷。）';

export function agreementFacts(text: string, max = AGREEMENT_FACTS_MAX_CHARS): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max).join('');
  const end = Math.max(...['。', '！', '？', '；'].map((p) => head.lastIndexOf(p)));
  // a sentence end in the second half keeps whole sentences; otherwise cut mid-sentence and say so
  const kept = end >= head.length / 2 ? head.slice(0, end + 1) : `${head}……`;
  return `${kept}\n${NOTE}`;
}
