'use client';
import { createNexoClient, type NexoClient } from '@nexo/api-client';

/**
 * The typed client in the browser: it calls this portal's `/api/v1/…`, which forwards to
 * the API with the session's token (the browser never has one).
 */
export const api: NexoClient = createNexoClient({ baseUrl: '' });

/** List routes take filters beyond their typed parameters (`field=value`, ADR 0008). */
export const listQuery = (query: Record<string, string | undefined>): never => query as never;
