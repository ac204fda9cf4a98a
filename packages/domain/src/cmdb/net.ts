/**
 * IP and MAC addresses as CMDB attribute values: parse what people type (and what Chinese
 * inventory sheets contain) and return one canonical spelling, so equal addresses compare equal
 * (unique attributes, search) whatever way they were written.
 */

/**
 * A dotted-quad IPv4 address, canonical (`192.168.1.10`), or null. Leading zeros are read as
 * decimal (`192.168.001.010` → `192.168.1.10`), as inventory sheets mean them, never as octal.
 */
export function normaliseIpv4(input: string): string | null {
  const parts = input.trim().split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out.join('.');
}

function ipv6Groups(input: string): number[] | null {
  let s = input.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!/^[0-9a-f:.]+$/.test(s) || s.length < 2) return null;
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two groups.
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    const v4 = normaliseIpv4(s.slice(lastColon + 1));
    if (!v4) return null;
    const o = v4.split('.').map(Number) as [number, number, number, number];
    tail = [(o[0] << 8) | o[1], (o[2] << 8) | o[3]];
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (h: string): number[] | null => {
    if (h === '') return [];
    const groups = h.split(':');
    const nums: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      nums.push(parseInt(g, 16));
    }
    return nums;
  };
  const head = parse(halves[0]!);
  if (!head) return null;
  if (halves.length === 1) {
    const all = [...head, ...tail];
    return all.length === 8 ? all : null;
  }
  const rest = parse(halves[1]!);
  if (!rest) return null;
  const known = head.length + rest.length + tail.length;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

/** An IPv6 address in RFC 5952 form (lower case, longest zero run as `::`), or null. */
export function normaliseIpv6(input: string): string | null {
  const g = ipv6Groups(input);
  if (!g) return null;
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((n) => n.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** An IPv4 or IPv6 address, canonical, or null. */
export function normaliseIp(input: string): string | null {
  return input.includes(':') ? normaliseIpv6(input) : normaliseIpv4(input);
}

/**
 * A 48-bit MAC address as `00:1A:2B:3C:4D:5E` (upper case, colons), or null. Accepts colons,
 * dashes (Windows, `00-1A-…`), Cisco dots (`001a.2b3c.4d5e`), Huawei/H3C dashes
 * (`001a-2b3c-4d5e`) and 12 bare hex digits.
 */
export function normaliseMac(input: string): string | null {
  const s = input.trim();
  const forms = [
    /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i,
    /^([0-9a-f]{4})([.-])([0-9a-f]{4})\2([0-9a-f]{4})$/i,
    /^([0-9a-f]{12})$/i,
  ];
  if (!forms.some((f) => f.test(s))) return null;
  const hex = s.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{2}/g)!.join(':');
}
