import type { AssetStats } from '@opsdesk/contracts';
import { api } from '../../../app/api/client';
import { downloadFile } from '../../cmdb/api/download';

export const assetStatsKeys = {
  all: ['asset-stats'] as const,
  of: (projectId: string | null) => ['asset-stats', projectId ?? 'all'] as const,
};

export const assetStatsApi = {
  /** One project's statistics, or those of every project in scope (no `projectId`). */
  get: (projectId: string | null, signal?: AbortSignal) =>
    api.get<AssetStats>('/asset-stats', { projectId: projectId ?? undefined }, signal),
  /** A workbook with a sheet per dimension, or CSV. */
  export: (projectId: string | null, format: 'xlsx' | 'csv') =>
    downloadFile(
      '/asset-stats/export',
      { projectId: projectId ?? undefined, format },
      `asset-stats.${format}`,
    ),
};
