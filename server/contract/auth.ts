/** Login and the logged-in user, as the API sends them. */
import { z } from 'zod';

export const ROLE_NAMES = ['admin', 'coordinator', 'supervisor', 'enumerator', 'analyst'] as const;

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_NAMES),
});
export type ApiUser = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
