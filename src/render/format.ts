/** Numbers for people: thousands separators and currency symbols. JSON keeps exact numbers. */
const SYMBOL: Record<string, string> = { USD: '$', CNY: '¥' };

/** One formatter per precision: toLocaleString builds a new one on every call (slow on 20,000 rows). */
const formats = new Map<number, Intl.NumberFormat>();
function moneyFormat(digits: number): Intl.NumberFormat {
  let format = formats.get(digits);
  if (!format) formats.set(digits, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits: Math.min(digits, 2), maximumFractionDigits: digits })));
  return format;
}

export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 ? 0 : Math.abs(amount) >= 0.1 || amount === 0 ? 2 : 4;
  const number = moneyFormat(digits).format(amount);
  return `${SYMBOL[currency] ?? `${currency} `}${number}`;
}

export function formatPercent(ratio: number): string {
  const value = Math.round(ratio * 100);
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value)}%`;
}
