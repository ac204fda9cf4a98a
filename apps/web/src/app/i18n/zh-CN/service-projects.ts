import checklistTemplates from './checklistTemplates';
import documents from './documents';
import handovers from './handovers';
import lifecycle from './lifecycle';
import roster from './roster';
import serviceModes from './serviceModes';

/** The namespaces of service projects (issue 3), registered with one line in index.ts. */
export const serviceProjects = { serviceModes, handovers, lifecycle, checklistTemplates, roster, documents };
