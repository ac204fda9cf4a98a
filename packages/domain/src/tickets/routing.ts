import type { TicketChannel, TicketKind } from './numbers.js';

/** A routing rule as the engine sees it: every condition that is set must hold. */
export interface RoutingRule {
  id: string;
  position: number;
  active: boolean;
  /** Empty means every kind. */
  kinds: readonly string[];
  /** Matches tickets in this category or any of its subcategories; null means every category. */
  categoryId: string | null;
  /** Empty means every channel. */
  channels: readonly string[];
  /** Any one of them in the title or description (case- and width-insensitive); empty: no keyword needed. */
  keywords: readonly string[];
  /** Null: either. */
  businessStopped: boolean | null;
  groupId: string;
}

export interface RoutableTicket {
  kind: TicketKind;
  channel: TicketChannel;
  /** The ticket's category and its ancestors (any order); empty when uncategorised. */
  categoryPath: readonly string[];
  title: string;
  description: string;
  businessStopped: boolean;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function ruleMatches(rule: RoutingRule, t: RoutableTicket): boolean {
  if (!rule.active) return false;
  if (rule.kinds.length > 0 && !rule.kinds.includes(t.kind)) return false;
  if (rule.categoryId !== null && !t.categoryPath.includes(rule.categoryId)) return false;
  if (rule.channels.length > 0 && !rule.channels.includes(t.channel)) return false;
  if (rule.businessStopped !== null && rule.businessStopped !== t.businessStopped) return false;
  if (rule.keywords.length > 0) {
    const text = fold(`${t.title}\n${t.description}`);
    if (!rule.keywords.some((k) => k.trim() !== '' && text.includes(fold(k.trim())))) return false;
  }
  return true;
}

/** The first matching rule by position (then id, for a stable order), or null. */
export function routeTicket(rules: readonly RoutingRule[], t: RoutableTicket): RoutingRule | null {
  const ordered = [...rules].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ordered.find((r) => ruleMatches(r, t)) ?? null;
}

/**
 * Whether a new ticket goes to whoever is on duty: a P1 raised outside the project's service hours
 * (the seed: 5×8 on site, a 7×24 hotline outside it).
 */
export function needsOnDuty(priority: number, inServiceHours: boolean): boolean {
  return priority === 1 && !inServiceHours;
}
