import findings from './findings';
import inspectionPlans from './inspectionPlans';
import inspectionReports from './inspectionReports';
import inspections from './inspections';
import inspectionTemplates from './inspectionTemplates';
import workOrders from './workOrders';

/** The namespaces of field work (issue 6), registered with one line in index.ts. */
export const fieldWork = {
  workOrders,
  inspections,
  inspectionTemplates,
  inspectionPlans,
  findings,
  inspectionReports,
};
