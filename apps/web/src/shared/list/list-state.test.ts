import { describe, expect, it } from 'vitest';
import { CustomerListQuery, ProjectListQuery } from '@opsdesk/contracts';
import { parseListParams } from './contract-list';
import { clearedListState, hasActiveFilters, readListState, toApiParams, writeListState } from './list-state';
import type { ListStateConfig } from './list-state';

const cfg: ListStateConfig = {
  prefix: '',
  filters: [
    { name: 'status' },
    { name: 'at', toQuery: (v) => ({ from: v.split('~')[0]!, to: v.split('~')[1]! }) },
  ],
  defaultSort: 'code',
  defaultLimit: 50,
};

describe('list state in the URL', () => {
  it('reads search, sort, page size and filters, with defaults', () => {
    const s = readListState(
      new URLSearchParams('q=银行&sort=-name&limit=100&status=active&tab=members'),
      cfg,
    );
    expect(s).toEqual({ q: '银行', sort: '-name', limit: 100, filters: { status: 'active', at: undefined } });
    expect(readListState(new URLSearchParams('limit=9999'), cfg)).toMatchObject({ sort: 'code', limit: 50 });
  });

  it('writes a change and keeps the other parameters (a tab, another list)', () => {
    const sp = writeListState(new URLSearchParams('tab=members&status=active'), cfg, {
      q: ' 网络 ',
      sort: 'code',
    });
    expect(sp.get('tab')).toBe('members');
    expect(sp.get('q')).toBe('网络');
    expect(sp.has('sort')).toBe(false); // the default is not written
    expect(clearedListState(sp, cfg).toString()).toBe('tab=members');
  });

  it('keeps lists on one page apart by prefix', () => {
    const p: ListStateConfig = { ...cfg, prefix: 'c.' };
    const sp = writeListState(new URLSearchParams('q=other'), p, { q: '张' });
    expect(sp.get('c.q')).toBe('张');
    expect(readListState(sp, p).q).toBe('张');
    expect(sp.get('q')).toBe('other');
  });

  it('builds the API query with filters mapped, the cursor and fixed parameters', () => {
    const state = readListState(
      new URLSearchParams('status=closed&at=2026-01-01T00:00:00Z~2026-01-31T23:59:59Z'),
      cfg,
    );
    expect(hasActiveFilters(state)).toBe(true);
    expect(toApiParams(state, cfg, { cursor: 'abc', fixed: { customerId: 'c1' }, paginated: true })).toEqual({
      status: 'closed',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-31T23:59:59Z',
      sort: 'code',
      limit: 50,
      cursor: 'abc',
      customerId: 'c1',
    });
  });
});

describe('parseListParams', () => {
  it('drops what the URL got wrong instead of failing the page', () => {
    const q = parseListParams(ProjectListQuery, {
      status: 'bogus',
      sort: 'nope',
      q: '机房',
      customerId: 'not-a-uuid',
      limit: 20,
    });
    expect(q).toEqual({ q: '机房', limit: 20 });
    expect(parseListParams(CustomerListQuery, { sort: '-createdAt', extra: 'x', limit: 50 })).toEqual({
      sort: '-createdAt',
      limit: 50,
    });
  });
});
