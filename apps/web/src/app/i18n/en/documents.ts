import type { Translation } from '../types';
import type zh from '../zh-CN/documents';

const en: Translation<typeof zh> = {
  title: 'Attachments',
  upload: 'Upload file',
  uploadShort: 'Upload',
  failed: '"{{name}}" was not uploaded: {{message}}',
  uploaded: 'Uploaded "{{name}}"',
  category: 'Document type',
  fileName: 'File',
  size: 'Size',
  uploadedBy: 'Uploaded by',
  uploadedAt: 'Uploaded',
  preview: 'Preview',
  empty: 'No files yet.',
  projectEmpty:
    'No project documents yet. Upload the contract, the service plan and the implementation plan so the team and the customer find them here.',
  categories: {
    contract: 'Contract',
    service_plan: 'Service plan',
    implementation_plan: 'Implementation plan',
    evidence: 'Evidence',
    other: 'Other',
  },
};
export default en;
