/** The names a context and its first resource go by in code, paths and SQL. */
export interface Names {
  /** `inventory`: folder, package (`@nexo/inventory`), schema, tag, module name. */
  context: string;
  /** `Inventory`. */
  Context: string;
  /** `warehouse`: folder and file stem of the first resource. */
  resource: string;
  /** `warehouses`: the table and the URL's collection. */
  resources: string;
  /** `Warehouse`: the class, schema and operation-id stem. */
  Resource: string;
  /** `Warehouses`. */
  Resources: string;
  /** `inventory.warehouse`: the permission subject. */
  subject: string;
  /** `warehouses` as a variable (`probeRecords`). */
  table: string;
}

const pascal = (word: string) =>
  word
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export const NAME = /^[a-z][a-z0-9]{1,30}$/;
export const RESOURCE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * `inventory` + `warehouse`. Without a resource, the first one is `<context>-record`, so
 * its operation ids (`listProbeRecords`) cannot collide with another context's.
 */
export function namesOf(context: string, resource?: string, plural?: string): Names {
  if (!NAME.test(context)) throw new Error(`A context name is one lowercase word: ${context}`);
  const first = resource ?? `${context}-record`;
  if (!RESOURCE.test(first)) throw new Error(`A resource name is lowercase, with dashes: ${first}`);
  const many = plural ?? `${first}s`;
  return {
    context,
    Context: pascal(context),
    resource: first,
    resources: many,
    Resource: pascal(first),
    Resources: pascal(many),
    subject: `${context}.${first}`,
    table: pascal(many).charAt(0).toLowerCase() + pascal(many).slice(1),
  };
}

/** `probe-records` → `probe_records` (SQL). */
export const snake = (name: string) => name.replace(/-/g, '_');
