import { AssetStatsExportQuery, AssetStatsQuery, AssetStatsSchema } from '@opsdesk/contracts';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { contentDisposition } from '../../http/files.js';
import { assetStats, exportAssetStats } from './asset-stats.service.js';

const tags = ['cmdb'];

export async function assetStatsRoutes(app: ZodApp) {
  app.get(
    '/asset-stats',
    {
      schema: {
        tags,
        summary: 'Asset statistics (资产统计) of a project, or of every project in scope',
        querystring: AssetStatsQuery,
        response: { 200: AssetStatsSchema },
      },
    },
    async (req) => assetStats(ctx(req), req.query.projectId),
  );

  app.get(
    '/asset-stats/export',
    {
      schema: {
        tags,
        summary: 'Asset statistics as .xlsx (a sheet per dimension) or CSV',
        querystring: AssetStatsExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportAssetStats(ctx(req), req.query.projectId, req.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.body);
    },
  );
}
