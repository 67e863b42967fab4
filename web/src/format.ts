/** Numbers with thousands separators, units, and times in the user's zone (UTC in the title). */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function num(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const text = Math.abs(value) >= 100 ? integer.format(value) : decimal.format(value);
  return unit ? `${text} ${unit}` : text;
}

export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return num(v, units[i]);
}

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value >= 60_000) return num(value / 60_000, 'min');
  if (value >= 1000) return num(value / 1000, 's');
  return num(value, 'ms');
}

/** A metric value with its catalogue unit. */
export function withUnit(value: number | null | undefined, unit: string): string {
  if (unit === 'bytes') return bytes(value);
  if (unit === 'ms') return ms(value);
  if (unit === 'percent' || unit === '%') return num(value, '%');
  if (unit === 'seconds' || unit === 's') return num(value, 's');
  return num(value, unit === 'count' ? '' : unit);
}

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function localTime(iso: string | null | undefined): string {
  return iso ? local.format(new Date(iso)) : '—';
}

export function utcTitle(iso: string | null | undefined): string {
  return iso ? `${new Date(iso).toISOString().replace('T', ' ').slice(0, 19)} UTC` : '';
}

/** "3 min ago" style, for last-seen columns. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
