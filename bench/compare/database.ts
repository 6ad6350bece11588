/**
 * The benchmark's database: BENCH_DATABASE_URL (a superuser URL) or an embedded PostgreSQL
 * kept under `.nexo-bench/` between runs; migrated by NEXO's own migrator; seeded once.
 */
import { migrate, persistentSecret, startEmbeddedPostgres } from '@nexo/db';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BENCH_DIR = path.join(ROOT, '.nexo-bench');
export const BENCH_PASSWORD = 'una clave de benchmark larga';

export interface DataSet {
  tenants: number;
  partiesPerTenant: number;
}
export const FULL: DataSet = { tenants: 200, partiesPerTenant: 5000 };
export const QUICK: DataSet = { tenants: 20, partiesPerTenant: 1000 };

export interface BenchDatabase {
  adminUrl: string;
  appUrl: string;
  appPassword: string;
  /** How many tenants get a signed-in user for the load (requests spread over them). */
  loadTenants: { id: string; email: string }[];
  stop(): Promise<void>;
}

const appUrlOf = (adminUrl: string, password: string): string => {
  const url = new URL(adminUrl);
  url.username = 'nexo_app';
  url.password = encodeURIComponent(password);
  return url.toString();
};

export async function openDatabase(
  set: DataSet,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  mkdirSync(BENCH_DIR, { recursive: true });
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stop = (): Promise<void> => Promise.resolve();
  const appPassword = await persistentSecret(path.join(BENCH_DIR, 'app-role.secret'));
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(BENCH_DIR, set === QUICK ? 'embedded-quick' : 'embedded'),
    });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
    log(
      `embedded PostgreSQL on port ${server.port} (data in .nexo-bench/${set === QUICK ? 'embedded-quick' : 'embedded'})`,
    );
  }
  await migrate(adminUrl, { appPassword });
  const loadTenants = await seed(adminUrl, set, log);
  return { adminUrl, appUrl: appUrlOf(adminUrl, appPassword), appPassword, loadTenants, stop };
}

/** Seeded rows carry this tag; a data set seeded by an older version of this file is redone. */
export const SEED_TAG = 'bench-v2';
const words = (list: string): string =>
  `array[${list
    .split(',')
    .map((w) => `'${w.trim()}'`)
    .join(',')}]`;
// Names as varied as a real customer base: trigram duplicate checks see realistic neighbours.
const TYPES = words(
  'Almacén,Supermercado,Kiosco,Distribuidora,Bodega,Panadería,Farmacia,Restaurante,Ferretería,Librería,Carnicería,Verdulería,Heladería,Cafetería,Pizzería,Rotisería,Autoservicio,Mayorista,Fiambrería,Dietética,Vinoteca,Perfumería,Bazar,Juguetería,Pescadería,Pastas,Confitería,Lavadero,Cervecería,Parrilla',
);
const NAMES = words(
  'Don Pedro,La Esquina,El Sol,Los Andes,Mi Barrio,San Martín,Belgrano,Rivadavia,Mitre,Sarmiento,La Estrella,El Trébol,Santa Rita,La Amistad,El Progreso,Las Acacias,Los Pinos,El Roble,La Paloma,Don José,Doña Rosa,El Gaucho,La Criolla,El Faro,La Luna,Las Flores,El Puente,La Colonia,El Molino,La Huerta,El Cruce,La Rueda,El Ancla,La Brújula,El Mirador,La Perla,El Dorado,La Aurora,El Buen Gusto,La Tradición,Los Hermanos,El Abuelo,La Nona,El Tano,La Gallega,El Vasco,Los Primos,La Familia,El Ciervo,La Golondrina,El Zorzal,El Hornero,La Calandria,El Cardenal,La Tacuara,El Ombú,El Jacarandá,El Ceibo,La Retama,El Aromo',
);
const PLACES = words(
  'del Sur,Norte,Central,del Oeste,del Este,de Palermo,de Flores,de Caballito,de Quilmes,de Lanús,de Morón,de Tigre,de Pilar,de Escobar,de Luján,de Mercedes,de Chascomús,de Tandil,de Azul,de Junín,de Pergamino,de Rosario,de Paraná,de Santa Fe,de Córdoba,de Mendoza,de Salta,de Jujuy,de Neuquén,de Bariloche,de Ushuaia,de Posadas,de Corrientes,de Resistencia,de Formosa,de Catamarca,de La Rioja,de San Juan,de San Luis,de La Pampa',
);

const tenantId = (n: number): string =>
  `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** Idempotent: a data set already there (same size) is reused as is. */
async function seed(adminUrl: string, set: DataSet, log: (line: string) => void) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ tenants: number; parties: number }>(
      `select (select count(*)::int from tenancy.tenants where slug like 'bench-%') tenants,
              (select count(*)::int from crm.parties where tenant_id = $1 and '${SEED_TAG}' = any(tags)) parties`,
      [tenantId(1)],
    );
    const have = rows[0];
    if (have?.tenants !== set.tenants || have.parties !== set.partiesPerTenant) {
      const started = Date.now();
      log(`seeding ${set.tenants} tenants × ${set.partiesPerTenant} parties (once; reused later)…`);
      await admin.query(
        `delete from crm.activities where tenant_id in (select id from tenancy.tenants where slug like 'bench-%')`,
      );
      for (const table of [
        'opportunities',
        'stages',
        'pipelines',
        'contacts',
        'addresses',
        'parties',
        'timeline_entries',
      ]) {
        await admin.query(
          `delete from crm.${table} where tenant_id in (select id from tenancy.tenants where slug like 'bench-%')`,
        );
      }
      await admin.query(
        `insert into tenancy.tenants (id, slug, name)
         select ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-' || g, 'Empresa de prueba ' || g
         from generate_series(1, $1::int) g on conflict do nothing`,
        [set.tenants],
      );
      for (let t = 1; t <= set.tenants; t++) {
        await admin.query(
          `insert into crm.parties (tenant_id, id, kind, name, is_customer, is_supplier, tax_country, tax_id, email, tags, custom)
           select $1::uuid, gen_random_uuid(),
             case when g % 5 = 0 then 'person' else 'organization' end,
             (${TYPES})[1 + g % 30] || ' ' || (${NAMES})[1 + (g / 30) % 60] || ' ' || (${PLACES})[1 + (g / 1800) % 40],
             g % 7 <> 0, g % 7 = 0, 'AR', '30' || lpad(g::text, 9, '0'), 'contacto' || g || '@ejemplo.test',
             array['${SEED_TAG}'], '{}'::jsonb
           from generate_series(1, $2::int) g`,
          [tenantId(t), set.partiesPerTenant],
        );
        await admin.query(
          `insert into crm.contacts (tenant_id, id, party_id, name, email)
           select tenant_id, gen_random_uuid(), id, 'Contacto de ' || name, 'persona.' || tax_id || '@ejemplo.test'
           from crm.parties where tenant_id = $1 and right(tax_id, 1) in ('0','2','4','6','8')`,
          [tenantId(t)],
        );
        await admin.query(
          `with p as (insert into crm.pipelines (tenant_id, id, name, is_default) values ($1, gen_random_uuid(), 'Ventas', true) returning id),
                s as (insert into crm.stages (tenant_id, id, pipeline_id, name, position, probability)
                      select $1, gen_random_uuid(), p.id, 'Etapa ' || g, g, g * 20 from p, generate_series(0, 4) g returning id, position, pipeline_id)
           insert into crm.opportunities (tenant_id, id, pipeline_id, stage_id, party_id, title, amount, currency, rank)
           select $1, gen_random_uuid(), s.pipeline_id, s.id, x.id, 'Oportunidad ' || x.name, (x.n % 100) * 1000, 'ARS', x.n
           from (select id, name, row_number() over (order by id) n from crm.parties where tenant_id = $1) x
           join s on s.position = x.n % 5
           where x.n % 5 = 0`,
          [tenantId(t)],
        );
        if (t % 20 === 0)
          log(`  ${t}/${set.tenants} tenants (${Math.round((Date.now() - started) / 1000)} s)`);
      }
      // Vacuumed, not only analysed: a fresh bulk load leaves hint bits unset and visibility
      // maps empty, so the first contender's reads would write them (and autovacuum would run
      // under its load) while the later ones read settled pages.
      await admin.query('vacuum (analyze)');
      log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await admin.end();
  }
  const loadTenants = [1, 2, 3, 4].map((n) => ({
    id: tenantId(n),
    email: `bench-${n}@bench.test`,
  }));
  // What earlier runs' create scenarios added goes, so every run starts from the same data.
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  try {
    const removed = await removeCreatedParties(cleanup, loadTenants);
    if (removed) log(`removed ${removed} parties created by earlier runs`);
    // Events earlier runs left undelivered would otherwise be relayed on the next run's time.
    await cleanup.query('update events.outbox set published_at = now() where published_at is null');
  } finally {
    await cleanup.end();
  }
  return loadTenants;
}

/**
 * Deletes the parties create runs added to the load tenants (the seeded ones carry the seed's
 * tag) and vacuums: each create run then probes for duplicates among the same 5,000 parties a
 * tenant, however many the contender before it added.
 */
export async function removeCreatedParties(
  admin: pg.Client,
  tenants: readonly { id: string }[],
): Promise<number> {
  const created = `select id from crm.parties where tenant_id = any($1::uuid[]) and not ($2 = any(tags))`;
  const params = [tenants.map((t) => t.id), SEED_TAG];
  // The timeline consumer writes an entry per created party, by key and a moment later: the
  // entries go first, in the same transaction, and a delete that meets one written meanwhile
  // is tried again.
  let removed = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query('begin');
      await admin.query(
        `delete from crm.timeline_entries where tenant_id = any($1::uuid[]) and party_id in (${created})`,
        params,
      );
      const { rowCount } = await admin.query(
        `delete from crm.parties where tenant_id = any($1::uuid[]) and id in (${created})`,
        params,
      );
      await admin.query('commit');
      removed = rowCount ?? 0;
      break;
    } catch (error) {
      await admin.query('rollback');
      if ((error as { code?: string }).code !== '23503' || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  await admin.query('vacuum analyze crm.parties');
  return removed;
}

/** A signed-in owner for each load tenant, made once through NEXO's own CLI. */
export function ensureUsers(db: BenchDatabase, env: Record<string, string>): void {
  for (const t of db.loadTenants) {
    const result = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'apps/api/dist/cli/nexo.js'),
        'user:create-admin',
        '--tenant',
        t.id,
        '--email',
        t.email,
        '--name',
        'Bench',
        '--password',
        BENCH_PASSWORD,
      ],
      { cwd: ROOT, env: { ...env, PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
    );
    if (result.status !== 0 && !/already|exists|ya existe/i.test(result.stdout + result.stderr)) {
      throw new Error(`user:create-admin failed: ${result.stdout}${result.stderr}`);
    }
  }
}
