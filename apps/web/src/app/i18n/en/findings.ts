import type { Translation } from '../types';
import type zh from '../zh-CN/findings';

/** Open findings: abnormal readings left open, turned into incidents or work orders, carried over. */
const en: Translation<typeof zh> = {
  title: 'Open findings',
  searchPlaceholder: 'Search check item or CI',
  empty: 'No open findings. Abnormal inspection readings become open findings.',
  status: { open: 'Open', resolved: 'Resolved' },
  disposition: { open: 'Kept open', incident: 'Became an incident', work_order: 'Became a work order' },
  resolution: { reading: 'Read normal again', manual: 'Closed by hand', ticket_closed: 'Ticket closed' },
  fields: {
    ci: 'Configuration item',
    title: 'Check item',
    severity: 'Severity',
    quote: 'Inspection record',
    status: 'Status',
    disposition: 'Disposition',
    tickets: 'Tickets',
    occurrences: 'Seen',
    raisedTask: 'Found in',
    createdAt: 'Found',
    lastSeenAt: 'Last seen',
    resolvedAt: 'Resolved',
    resolution: 'Resolution',
    remark: 'Remark',
    project: 'Service project',
  },
  actions: {
    toIncident: 'Raise an incident',
    toWorkOrder: 'Create a work order',
    resolve: 'Close',
    incidentCreated: 'Incident {{number}} raised',
    workOrderCreated: 'Work order {{number}} created',
    resolved: 'The finding is closed',
    note: 'Note',
    notePlaceholder: 'e.g. fixed on the spot, risk accepted, device replaced',
    titleDefault: 'Default: [Inspection] CI: check item',
  },
  incident: {
    title: 'Incident title',
    impact: 'Impact',
    urgency: 'Urgency',
    assignee: 'Assignee',
    group: 'Group',
  },
  workOrder: {
    hint: "The work order is for this CI at its site; when the finding became an incident, it is that incident's child.",
  },
};
export default en;
