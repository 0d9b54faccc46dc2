/** /api/v1/departments and their responsibilities: reference data any staff reads, admins write. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { idempotent } from '../http/idempotency.js';
import { IdParam, PageQuery, RegionCode, pageOf, problems } from '../http/schemas.js';
import { DEPARTMENT_KIND_LABELS } from './kinds.js';
import type { DepartmentRecord } from './repo.js';
import * as schemas from './schemas.js';
import {
  createDepartment,
  getDepartment,
  listDepartments,
  setResponsibilities,
  updateDepartment,
  type DepartmentDetail,
} from './service.js';

export const departmentRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/departments',
    {
      config: { access: 'departments:read' },
      schema: {
        tags: ['departments'],
        summary: 'List departments (any staff)',
        querystring: Type.Object({
          kind: Type.Optional(schemas.Kind),
          active: Type.Optional(Type.Boolean()),
          regionCode: Type.Optional(RegionCode),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          ...PageQuery,
        }),
        response: { 200: pageOf(schemas.DepartmentView), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listDepartments(db, request.query);
      return { items: page.items.map(presentDepartment), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/departments',
    {
      config: { access: 'departments:write' },
      schema: {
        tags: ['departments'],
        summary: 'Create a department (admin; Idempotency-Key)',
        body: schemas.CreateDepartmentBody,
        response: { 201: schemas.DepartmentDetailView, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await idempotent(request, db, 201, async (tx) =>
        presentDetail(await createDepartment(tx, ctx, request.body)),
      );
      return reply.code(result.status as 201).send(result.body);
    },
  );

  app.get(
    '/departments/:id',
    {
      config: { access: 'departments:read' },
      schema: {
        tags: ['departments'],
        summary: 'Read a department with its responsibilities (any staff)',
        params: IdParam,
        response: { 200: schemas.DepartmentDetailView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      return presentDetail(await getDepartment(db, request.params.id));
    },
  );

  app.patch(
    '/departments/:id',
    {
      config: { access: 'departments:write' },
      schema: {
        tags: ['departments'],
        summary: 'Change a department (admin; optimistic version)',
        params: IdParam,
        body: schemas.UpdateDepartmentBody,
        response: { 200: schemas.DepartmentDetailView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return presentDetail(await updateDepartment(db, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/departments/:id/responsibilities',
    {
      config: { access: 'departments:read' },
      schema: {
        tags: ['departments'],
        summary: 'The component and matter classes and regions a department is responsible for',
        params: IdParam,
        response: { 200: schemas.ResponsibilitiesView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      return presentResponsibilities(await getDepartment(db, request.params.id));
    },
  );

  app.put(
    '/departments/:id/responsibilities',
    {
      config: { access: 'departments:write' },
      schema: {
        tags: ['departments'],
        summary: "Replace a department's responsibilities (admin; the department's version)",
        params: IdParam,
        body: schemas.PutResponsibilitiesBody,
        response: { 200: schemas.ResponsibilitiesView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return presentResponsibilities(await setResponsibilities(db, ctx, request.params.id, request.body));
    },
  );
};

function presentDepartment(department: DepartmentRecord) {
  return {
    id: department.id,
    creditCode: department.creditCode,
    name: department.name,
    shortName: department.shortName,
    kind: department.kind,
    kindLabel: DEPARTMENT_KIND_LABELS[department.kind],
    regionCode: department.regionCode,
    phone: department.phone,
    active: department.active,
    version: department.version,
    createdAt: department.createdAt.toISOString(),
    updatedAt: department.updatedAt.toISOString(),
  };
}

function presentDetail(department: DepartmentDetail) {
  return { ...presentDepartment(department), responsibilities: department.responsibilities };
}

function presentResponsibilities(department: DepartmentDetail) {
  return {
    departmentId: department.id,
    version: department.version,
    responsibilities: department.responsibilities,
  };
}
