/** The inventory routes of this file's area, by operation id. */
export const OPERATION_ROUTES = {};
