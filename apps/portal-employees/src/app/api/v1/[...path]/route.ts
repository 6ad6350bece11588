import { forwardToApi } from '@nexo/session/proxy';
import type { NextRequest } from 'next/server';

/** The browser's calls to the API go through here: the session's token is added. */
const handler = (request: NextRequest) => forwardToApi(request);

export const dynamic = 'force-dynamic';
export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
