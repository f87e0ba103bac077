/**
 * Personal data masking (个人信息保护法): shown masked unless the reader needs it in full. The api, the exports and
 * the PDFs all mask with these functions, so a value reads the same wherever it appears.
 */

/** '13812345678' → '138****5678' (first 3 and last 4 kept; shorter than 7 characters: all masked). */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null | undefined): string | null;
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const p = phone.trim();
  if (p.length < 7) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

/** '32061219900101123X' → '3206**********123X' (first 4 and last 4 kept; 8 characters or fewer: all masked). */
export function maskIdNumber(id: string): string;
export function maskIdNumber(id: string | null | undefined): string | null;
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  const v = id.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/**
 * A person's name keeps its first character (张三 → 张*, 欧阳娜娜 → 欧***); an organisation's keeps its first and last
 * (南通某贸易有限公司 → 南*******司), enough to tell parties apart without naming them.
 */
export function maskName(name: string, partyType?: string | null): string;
export function maskName(name: string | null | undefined, partyType?: string | null): string | null;
export function maskName(name: string | null | undefined, partyType?: string | null): string | null {
  if (!name) return name ?? null;
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (partyType === 'organization' && chars.length > 2)
    return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** `text` with every occurrence of the given names replaced by their masked form (longest names first). */
export function maskNamesIn(text: string, names: { name: string; partyType?: string | null }[]): string {
  return [...names]
    .filter((n) => n.name.trim().length > 0)
    .sort((a, b) => b.name.length - a.name.length)
    .reduce((out, n) => out.split(n.name).join(maskName(n.name, n.partyType)), text);
}
