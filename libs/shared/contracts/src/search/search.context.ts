import { defineContext } from '../context/context-contract.js';
import { SearchRoutes } from './search.contracts.js';

/** One search over every context's records, each filtered by the reader's permissions. */
export const SearchContext = defineContext({
  name: 'search',
  module: false,
  subjects: {},
  routes: Object.values(SearchRoutes),
});
