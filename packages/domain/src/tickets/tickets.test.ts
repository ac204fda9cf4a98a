import { describe, expect, it } from 'vitest';
import type { Actor, ProjectFacts } from '../access/actor.js';
import {
  canRaiseTicket,
  canSeeTicket,
  seesInternalNotes,
  ticketAbilities,
  ticketRelations,
} from './access.js';
import type { TicketFacts } from './access.js';
import { formatTicketNumber, isTicketNumber } from './numbers.js';
import { needsOnDuty, routeTicket } from './routing.js';
import type { RoutableTicket, RoutingRule } from './routing.js';

const project: ProjectFacts = {
  id: 'p1',
  customerId: 'c1',
  division: null,
  region: null,
  subcontractorIds: ['s1'],
};
const base = {
  globalRoles: [],
  customerId: null,
  subcontractorId: null,
  managesDivision: null,
  managesRegion: null,
  memberships: [],
} as const;
const agent: Actor = {
  ...base,
  userId: 'agent',
  kind: 'staff',
  memberships: [{ projectId: 'p1', role: 'service_desk_agent', specialty: null }],
};
const pm: Actor = {
  ...base,
  userId: 'pm',
  kind: 'staff',
  memberships: [{ projectId: 'p1', role: 'project_manager', specialty: null }],
};
const otherStaff: Actor = {
  ...base,
  userId: 'other',
  kind: 'staff',
  memberships: [{ projectId: 'p2', role: 'engineer', specialty: null }],
};
const admin: Actor = { ...base, userId: 'admin', kind: 'staff', globalRoles: ['admin'] };
const requester: Actor = { ...base, userId: 'req', kind: 'customer_contact', customerId: 'c1' };
const colleague: Actor = { ...base, userId: 'col', kind: 'customer_contact', customerId: 'c1' };
const otherContact: Actor = { ...base, userId: 'oc', kind: 'customer_contact', customerId: 'c2' };
const field: Actor = {
  ...base,
  userId: 'field',
  kind: 'subcontractor_staff',
  subcontractorId: 's1',
  memberships: [{ projectId: 'p1', role: 'field_engineer', specialty: null }],
};
const fieldOther: Actor = { ...base, userId: 'field2', kind: 'subcontractor_staff', subcontractorId: 's2' };

const ticket: TicketFacts = {
  projectId: 'p1',
  requesterId: 'req',
  assigneeId: null,
  groupId: 'g1',
  assigneeSubcontractorId: null,
  stateCategory: 'open',
  rated: false,
};
const fieldTicket: TicketFacts = { ...ticket, assigneeId: 'field', assigneeSubcontractorId: 's1' };

describe('canSeeTicket', () => {
  it.each([
    ['agent of the project', agent, ticket, true],
    ['project manager', pm, ticket, true],
    ['staff of another project', otherStaff, ticket, false],
    ['admin', admin, ticket, true],
    ['the requester', requester, ticket, true],
    ['a colleague of the same customer', colleague, ticket, true],
    ['a contact of another customer', otherContact, ticket, false],
    ['subcontractor staff, ticket not assigned to the company', field, ticket, false],
    ['subcontractor staff, ticket assigned to the company', field, fieldTicket, true],
    ['staff of an unengaged subcontractor', fieldOther, fieldTicket, false],
  ] as const)('%s → %s', (_name, actor, t, expected) => {
    expect(canSeeTicket(actor, t, project)).toBe(expected);
  });
});

describe('ticketRelations', () => {
  it.each([
    ['agent', agent, ticket, false, ['agent']],
    ['agent in the group', agent, ticket, true, ['agent', 'group_member']],
    ['pm', pm, ticket, false, ['agent', 'project_manager']],
    ['requester', requester, ticket, false, ['requester']],
    ['colleague', colleague, ticket, false, []],
    ['assigned field engineer', field, fieldTicket, false, ['assignee', 'field_engineer']],
    ['assigned agent', agent, { ...ticket, assigneeId: 'agent' }, false, ['agent', 'assignee']],
    ['a contact is never a group member', requester, ticket, true, ['requester']],
  ] as const)('%s', (_name, actor, t, group, expected) => {
    expect(ticketRelations(actor, t, group)).toEqual(expected);
  });
});

describe('ticketAbilities', () => {
  const abilities = (actor: Actor, t: TicketFacts, group = false) =>
    ticketAbilities(actor, t, ticketRelations(actor, t, group));
  it('an agent works the ticket but does not rate it', () => {
    expect(abilities(agent, ticket)).toEqual({
      update: true,
      reply: true,
      internalNotes: true,
      assign: true,
      merge: true,
      link: true,
      manageWatchers: true,
      rate: false,
      attach: true,
    });
  });
  it('a requester replies and attaches, never writes internal notes', () => {
    expect(abilities(requester, ticket)).toMatchObject({
      update: false,
      reply: true,
      internalNotes: false,
      assign: false,
      attach: true,
      rate: false,
    });
  });
  it('a colleague of the requester may reply but not attach or rate', () => {
    expect(abilities(colleague, { ...ticket, stateCategory: 'final' })).toMatchObject({
      reply: false,
      attach: false,
      rate: false,
    });
    expect(abilities(colleague, ticket)).toMatchObject({ reply: true, attach: false });
  });
  it('the requester rates a closed ticket once', () => {
    expect(abilities(requester, { ...ticket, stateCategory: 'final' }).rate).toBe(true);
    expect(abilities(requester, { ...ticket, stateCategory: 'final', rated: true }).rate).toBe(false);
    expect(abilities(requester, { ...ticket, stateCategory: 'resolved' }).rate).toBe(false);
  });
  it('nothing changes on a final ticket except links and watchers', () => {
    expect(abilities(agent, { ...ticket, stateCategory: 'final' })).toMatchObject({
      update: false,
      reply: false,
      assign: false,
      merge: false,
      link: true,
      manageWatchers: true,
    });
  });
  it('an assigned field engineer replies publicly only', () => {
    expect(abilities(field, fieldTicket)).toMatchObject({
      reply: true,
      internalNotes: false,
      assign: false,
      attach: true,
    });
  });
  it('the system admin sees but does not work tickets', () => {
    expect(abilities(admin, ticket)).toMatchObject({
      update: false,
      reply: false,
      internalNotes: false,
      assign: false,
    });
  });
});

describe('seesInternalNotes / canRaiseTicket', () => {
  it.each([
    [agent, true, true],
    [requester, false, true],
    [field, false, false],
    [admin, true, false],
    [otherStaff, true, false],
  ] as const)('%#', (actor, internal, raise) => {
    expect(seesInternalNotes(actor)).toBe(internal);
    expect(canRaiseTicket(actor, 'p1')).toBe(raise);
  });
});

describe('formatTicketNumber', () => {
  it.each([
    ['incident', 2026, 123, 'INC-2026-000123'],
    ['service_request', 2026, 1, 'REQ-2026-000001'],
    ['consultation', 2027, 999_999, 'CON-2027-999999'],
    ['incident', 2026, 1_234_567, 'INC-2026-1234567'],
  ] as const)('%s %d #%d → %s', (kind, year, n, expected) => {
    expect(formatTicketNumber(kind, year, n)).toBe(expected);
  });
  it('refuses 0', () => expect(() => formatTicketNumber('incident', 2026, 0)).toThrow(RangeError));
});

describe('routeTicket', () => {
  const rule = (over: Partial<RoutingRule>): RoutingRule => ({
    id: 'r',
    position: 0,
    active: true,
    kinds: [],
    categoryId: null,
    channels: [],
    keywords: [],
    businessStopped: null,
    groupId: 'g',
    ...over,
  });
  const t: RoutableTicket = {
    kind: 'incident',
    channel: 'phone',
    categoryPath: ['net', 'root'],
    title: '核心交换机 宕机',
    description: 'VPN down',
    businessStopped: false,
  };
  it.each([
    ['no rules', [], null],
    ['catch-all', [rule({ id: 'a', groupId: 'all' })], 'all'],
    [
      'first by position',
      [rule({ id: 'b', position: 2, groupId: 'late' }), rule({ id: 'a', position: 1, groupId: 'early' })],
      'early',
    ],
    ['inactive skipped', [rule({ active: false, groupId: 'x' })], null],
    ['category subtree', [rule({ categoryId: 'root', groupId: 'net' })], 'net'],
    ['other category', [rule({ categoryId: 'hw', groupId: 'hw' })], null],
    [
      'channel',
      [
        rule({ channels: ['email'], groupId: 'mail' }),
        rule({ id: 'z', position: 1, channels: ['phone'], groupId: 'phone' }),
      ],
      'phone',
    ],
    ['keyword in title', [rule({ keywords: ['交换机'], groupId: 'net' })], 'net'],
    ['keyword in description, other case', [rule({ keywords: ['vpn'], groupId: 'vpn' })], 'vpn'],
    ['keyword missing', [rule({ keywords: ['打印机'], groupId: 'print' })], null],
    ['business stopped required', [rule({ businessStopped: true, groupId: 'major' })], null],
    ['kind', [rule({ kinds: ['service_request'], groupId: 'req' })], null],
  ] as const)('%s', (_name, rules, group) => {
    expect(routeTicket(rules, t)?.groupId ?? null).toBe(group);
  });
  it('a business-stopped rule matches a business-stopped ticket', () => {
    expect(
      routeTicket([rule({ businessStopped: true, groupId: 'major' })], { ...t, businessStopped: true })
        ?.groupId,
    ).toBe('major');
  });
});

describe('needsOnDuty', () => {
  it.each([
    [1, false, true],
    [1, true, false],
    [2, false, false],
  ])('P%d in hours %s → %s', (p, inHours, expected) => expect(needsOnDuty(p, inHours)).toBe(expected));
});

describe('isTicketNumber', () => {
  it.each<[string, boolean]>([
    ['INC-2026-000123', true],
    ['inc-2026-000123', true],
    ['  REQ-2025-011613 ', true],
    ['WO-2026-1234567', true],
    ['CHG-2026-000001', true],
    ['INC-2026-00012', false], // five digits: not a number we issue
    ['INC-26-000123', false],
    ['XYZ-2026-000123', false],
    ['INC-2026-000123 宕机', false],
    ['宕机', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isTicketNumber(text)).toBe(expected);
  });
});
