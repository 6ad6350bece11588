/**
 * The peer: PostGraphile 5 (Amber preset) on the same database and tables, connected as the
 * same RLS-bound app role, with NEXO's JWT claims mapped to the same transaction settings.
 * A `nameContains` condition gives it the text search the other contenders have.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { addPgTableCondition } from 'postgraphile/utils';
import { tokenVerifier } from './jwt.ts';

const verify = tokenVerifier();

const NameContains = addPgTableCondition(
  { schemaName: 'crm', tableName: 'parties' },
  'nameContains',
  (build) => ({ type: build.graphql.GraphQLString }),
  (value, { sql, sqlTableAlias }) =>
    sql`(${sqlTableAlias}.name ilike ${sql.value(`%${String(value)}%`)} or ${sqlTableAlias}.legal_name ilike ${sql.value(`%${String(value)}%`)} or ${sqlTableAlias}.tax_id ilike ${sql.value(`%${String(value)}%`)} or ${sqlTableAlias}.email ilike ${sql.value(`%${String(value)}%`)})`,
);

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [NameContains],
  pgServices: [
    makePgService({
      connectionString: process.env.BENCH_APP_URL ?? '',
      schemas: ['crm'],
      poolConfig: { max: 10 },
    }),
  ],
  grafserv: { graphiql: false, graphqlPath: '/graphql' },
  grafast: {
    async context(requestContext) {
      const claims = await verify(requestContext.node?.req.headers.authorization);
      return {
        pgSettings: {
          'app.tenant_id': claims.tid,
          'app.user_id': claims.sub,
          'app.actor': claims.act,
          'app.party_id': '',
        },
      };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(
    `READY http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  );
});
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
