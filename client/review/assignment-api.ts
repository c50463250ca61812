/** Staff's assignment calls (list, enumerators, create, reassign, cancel, history), checked against the contract. */
import { z } from 'zod/mini';
import {
  assignableEnumeratorSchema,
  assignmentHistoryEntrySchema,
  assignmentSchema,
  type CreateAssignmentRequest,
  cancelResultSchema,
  reassignResultSchema,
} from '../../server/contract/assignments.ts';
import { api } from '../services.ts';

export const fetchStaffAssignments = () => api.request('GET', '/api/assignments', z.array(assignmentSchema));
export const fetchEnumerators = () =>
  api.request('GET', '/api/assignments/enumerators', z.array(assignableEnumeratorSchema));
export const createAssignment = (body: CreateAssignmentRequest) =>
  api.request('POST', '/api/assignments', assignmentSchema, body);
export const reassignAssignment = (id: string, body: { enumeratorId: string; reason: string }) =>
  api.request('POST', `/api/assignments/${encodeURIComponent(id)}/reassign`, reassignResultSchema, body);
export const cancelAssignment = (id: string, body: { reason: string }) =>
  api.request('POST', `/api/assignments/${encodeURIComponent(id)}/cancel`, cancelResultSchema, body);
export const fetchAssignmentHistory = (id: string) =>
  api.request(
    'GET',
    `/api/assignments/${encodeURIComponent(id)}/history`,
    z.array(assignmentHistoryEntrySchema),
  );
