// Builders for the built-in templates: a check item is a line of data, not a page of object syntax.
import type { LocalisedText } from '../../lifecycle/types.js';
import type {
  ChoiceReading,
  InspectionItem,
  InspectionSeverity,
  InspectionTemplate,
  NumberReading,
  PhotoRule,
  ReadingSpec,
} from '../template.js';
import { DEFAULT_AUTO_INCIDENT_SEVERITIES } from '../template.js';
import { frozenCopy } from '../versioning.js';

/** `[中文, English]` */
export type Words = readonly [zh: string, en: string];

export const text = ([zh, en]: Words): LocalisedText => ({ 'zh-CN': zh, en });

/** A check item without its CI type (added by `forType`). */
export interface Check {
  key: string;
  title: Words;
  method: Words;
  reading: ReadingSpec;
  severity: InspectionSeverity;
  photo?: PhotoRule;
}

/** The items of one CI type, in order; `photo` defaults to `never`. */
export function forType(ciTypeKey: string, checks: readonly Check[]): InspectionItem[] {
  return checks.map((c) => ({
    key: c.key,
    ciTypeKey,
    title: text(c.title),
    method: text(c.method),
    reading: c.reading,
    photo: c.photo ?? 'never',
    severity: c.severity,
  }));
}

/** Version 1 of a built-in template, frozen. */
export function builtIn(name: string, title: Words, items: readonly InspectionItem[]): InspectionTemplate {
  return frozenCopy({
    id: `builtin.${name}`,
    version: 1,
    name: text(title),
    items,
    autoIncidentSeverities: DEFAULT_AUTO_INCIDENT_SEVERITIES,
  });
}

/** Yes/no; `normal` defaults to yes (the title states the healthy condition). */
export const yesNo = (normal = true): ReadingSpec => ({ type: 'boolean', normal });

/** A number in `unit`, normal within `[min, max]` (null: unbounded). */
export const num = (unit: string, min: number | null, max: number | null): NumberReading => ({
  type: 'number',
  unit,
  min,
  max,
});

/** A percentage normal up to `max`. */
export const percentUpTo = (max: number): NumberReading => num('%', 0, max);

/** One of `options` (`[value, 中文, English]`); those in `normal` are fine. */
export const choice = (
  options: readonly (readonly [string, string, string])[],
  normal: readonly string[],
): ChoiceReading => ({
  type: 'choice',
  options: options.map(([value, zh, en]) => ({ value, label: { 'zh-CN': zh, en } })),
  normal,
});

/** Free text, optional unless `required`. */
export const freeText = (required = false): ReadingSpec => ({ type: 'text', required });
