// Field work (issue 6): work orders, arrival targets and inspections.
import './messages.js';
export * from './inspections.js';
export * from './work-orders.js';
// The inspection rules the phone runs as the engineer types (the server judges again on save).
export {
  BUILT_IN_TEMPLATES,
  EXAMPLE_ARRIVAL_TARGETS,
  INSPECTION_CI_TYPE_KEYS,
  INSPECTION_CI_TYPE_LABELS,
  INSPECTION_SEVERITIES,
  PHOTO_RULES,
  READING_TYPES,
  MAX_DUE_DAYS,
  carryOver,
  checklistFor,
  coveredCiTypes,
  evaluateReading,
  evaluateTask,
  formatReadingValue,
  isBlankInput,
  normalRangeText,
  parseReadingNumber,
  quoteReading,
} from '@opsdesk/domain';
export type {
  CiEntry,
  InspectionItem,
  InspectionSchedule,
  InspectionSeverity,
  InspectionTemplate,
  ReadingEvaluation,
  ReadingInput,
  TaskEvaluation,
} from '@opsdesk/domain';
