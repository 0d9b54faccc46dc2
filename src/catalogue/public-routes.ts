/**
 * /api/v1/service-items, /service-item-versions and /service-lists: the catalogue citizens search,
 * the guide of an item or of the version an application was made under, and the four lists. Public
 * and rate-limited. docs/api/services.md.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendDownload } from '../http/download.js';
import type { RouteDeps } from '../http/module.js';
import { IdParam, problems } from '../http/schemas.js';
import { tableFile } from '../evaluation/index.js';
import { ITEM_KIND_LABELS, lifeEventLabel } from './labels.js';
import { LIST_KINDS, catalogueList } from './lists.js';
import { publicItem, publicVersion, publicVersions } from './public-read.js';
import * as schemas from './public-schemas.js';
import { searchFacets, searchItems } from './search.js';
import { catalogueClock } from './service.js';

export const publicCatalogueRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  const { db } = deps;
  const clock = () => catalogueClock(deps.cases.now?.() ?? new Date(), deps.cases.timeZone);
  const publicAccess = {
    access: 'public',
    rateLimit: { max: deps.publicRateLimit, timeWindow: '1 minute' },
  } as const;
  const tags = ['service-items'];

  app.get(
    '/service-items',
    {
      config: publicAccess,
      schema: {
        tags,
        security: [],
        summary:
          '事项检索 — search the items offered today (keyword, life event, department, subject, kind, channel)',
        description:
          'Keywords match name, aliases and the guide text (Chinese, several words all match); items whose name holds ' +
          'every word come first, then alias hits, then guide-text hits. Keyset pagination.',
        querystring: schemas.SearchQuery,
        response: { 200: schemas.SearchPage, ...problems(400, 429) },
      },
    },
    async (request) => {
      const page = await searchItems(db, request.query, clock().today);
      return {
        items: page.items.map(({ rank: _rank, ...hit }) => ({
          ...hit,
          kindLabel: ITEM_KIND_LABELS[hit.kind],
          atMostOneVisit: hit.maxVisits <= 1,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/service-items/facets',
    {
      config: publicAccess,
      schema: {
        tags,
        security: [],
        summary: 'Life events (人生事件) and departments with how many items each offers today',
        response: { 200: schemas.Facets, ...problems(429) },
      },
    },
    async () => {
      const facets = await searchFacets(db, clock().today);
      return {
        lifeEvents: facets.lifeEvents.map((f) => ({ ...f, label: lifeEventLabel(f.value) })),
        departments: facets.departments,
      };
    },
  );

  app.get(
    '/service-items/:id',
    {
      config: publicAccess,
      schema: {
        tags,
        security: [],
        summary: '办事指南 — an item with the whole guide and form of its version in force today',
        params: IdParam,
        response: { 200: schemas.PublicItemView, ...problems(400, 404, 429) },
      },
    },
    async (request) => publicItem(db, request.params.id, clock().today),
  );

  app.get(
    '/service-items/:id/versions',
    {
      config: publicAccess,
      schema: {
        tags,
        security: [],
        summary: "An item's published and retired versions with their validity",
        params: IdParam,
        response: {
          200: Type.Object({ items: Type.Array(schemas.PublicVersionSummary) }),
          ...problems(400, 404, 429),
        },
      },
    },
    async (request) => ({ items: await publicVersions(db, request.params.id) }),
  );

  app.get(
    '/service-item-versions/:id',
    {
      config: publicAccess,
      schema: {
        tags,
        security: [],
        summary:
          'One published or retired version with its guide (the version an application was made under)',
        params: IdParam,
        response: { 200: schemas.PublicItemView, ...problems(400, 404, 429) },
      },
    },
    async (request) => publicVersion(db, request.params.id, clock().today),
  );

  app.get(
    '/service-lists/:list',
    {
      config: publicAccess,
      schema: {
        tags,
        security: [],
        summary:
          '权力清单 (power), 责任清单 (responsibility), 公共服务事项清单 (public-service), 最多跑一次 (one-visit)',
        description:
          'JSON by default; `?format=csv` (UTF-8 with BOM) or `?format=xlsx` downloads the same table.',
        params: Type.Object({ list: Type.Enum(LIST_KINDS) }),
        querystring: schemas.ListQuery,
        response: { 200: schemas.ListTable, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      const today = clock().today;
      const table = await catalogueList(db, request.params.list, today);
      if (request.query.format !== 'json')
        return sendDownload(reply, await tableFile(table, request.query.format, `${table.title}-${today}`));
      return {
        title: table.title,
        date: today,
        columns: table.columns.map((c) => ({ key: c.key, header: c.header })),
        rows: table.rows as Record<string, string | number | null>[],
      };
    },
  );
};
