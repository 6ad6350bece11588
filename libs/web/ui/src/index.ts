export { nexoTheme } from './theme';
export { UiProvider } from './provider';
export { ProblemAlert, EmptyBlock, LoadingBlock, PageHeader, notify } from './feedback';
export { Field } from './field';
export {
  useContractForm,
  contractValues,
  setProblemErrors,
  useSubmit,
  type FormSubmit,
  stripBlanks,
  zodFormErrors,
  useZodLocale,
} from './forms';
export { useApiQuery, asProblem, type ApiAnswer, type QueryState } from './use-query';
export {
  DataTable,
  type DataColumn,
  type DataFilter,
  type DataTableProps,
  type ListPage,
  type ListRequest,
} from './data-table';
