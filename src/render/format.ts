/** Numbers for people: thousands separators and currency symbols. JSON keeps exact numbers. */
const SYMBOL: Record<string, string> = { USD: '$', CNY: '¥' };

export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 ? 0 : Math.abs(amount) >= 0.1 || amount === 0 ? 2 : 4;
  const number = amount.toLocaleString('en-US', { minimumFractionDigits: Math.min(digits, 2), maximumFractionDigits: digits });
  return `${SYMBOL[currency] ?? `${currency} `}${number}`;
}

export function formatPercent(ratio: number): string {
  const value = Math.round(ratio * 100);
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value)}%`;
}
