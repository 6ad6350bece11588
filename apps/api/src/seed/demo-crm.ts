import {
  activities,
  addresses,
  contacts,
  leads,
  opportunities,
  parties,
  pipelines,
  stages,
  teams,
} from '@nexo/crm/tables';
import { memberships } from '@nexo/auth/tables';
import type { Tx } from '@nexo/db';
import { and, eq } from 'drizzle-orm';
import { newId } from '@nexo/utils';

/** A valid CUIT (prefix 30: a company) from an 8-digit body; bodies whose check is 10 are skipped. */
export function demoCuit(body: number): string {
  for (let n = body; ; n++) {
    const digits = `30${String(n).padStart(8, '0')}`;
    const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

const CUSTOMERS = [
  ['Almacén Don Pedro', 'Almacén Don Pedro S.R.L.', 'Lanús'],
  ['Supermercado El Sol', 'El Sol Supermercados S.A.', 'Quilmes'],
  ['Autoservicio La Esquina', 'La Esquina S.R.L.', 'Avellaneda'],
  ['Kiosco 24 Horas', 'Kiosco 24 S.H.', 'CABA'],
  ['Restaurante La Parrilla de Tito', 'Parrilla de Tito S.R.L.', 'San Isidro'],
  ['Hotel Plaza Mayor', 'Plaza Mayor Hotelera S.A.', 'CABA'],
  ['Minimercado Los Andes', 'Los Andes Minimercados S.R.L.', 'Morón'],
  ['Despensa Mi Barrio', 'Despensa Mi Barrio S.H.', 'Ramos Mejía'],
  ['Cadena Mayorista Norte', 'Mayorista Norte S.A.', 'Tigre'],
  ['Bar El Cruce', 'El Cruce Gastronomía S.R.L.', 'Banfield'],
  ['Comedor Universitario Sur', 'Cooperativa Comedor Sur Ltda.', 'Lomas de Zamora'],
  ['Panadería La Espiga', 'La Espiga S.R.L.', 'Adrogué'],
  ['Rotisería Doña Rosa', 'Doña Rosa S.H.', 'Temperley'],
  ['Supermercado Día a Día', 'Día a Día Comercial S.A.', 'La Plata'],
  ['Almacén Natural Vida Verde', 'Vida Verde S.R.L.', 'Palermo'],
  ['Club Atlético Villa Sur', 'Asociación Civil Villa Sur', 'Villa Lugano'],
  ['Catering Eventos del Río', 'Eventos del Río S.A.', 'Vicente López'],
  ['Estación de Servicio Ruta 2', 'Servicentro Ruta 2 S.R.L.', 'Berazategui'],
  ['Hipermercado Oeste', 'Oeste Hipermercados S.A.', 'Ituzaingó'],
  ['Cafetería Central', 'Cafetería Central S.R.L.', 'CABA'],
  ['Distribuidora Costa Atlántica', 'Costa Atlántica Distribuciones S.A.', 'Mar del Plata'],
  ['Mercadito San Martín', 'San Martín Comercial S.H.', 'San Martín'],
  ['Pizzería Los Amigos', 'Los Amigos Gastronomía S.R.L.', 'Caseros'],
  ['Colegio San José (cantina)', 'Fundación Educativa San José', 'Morón'],
  ['Farmacia y Perfumería Salud', 'Salud Farmacias S.A.', 'Haedo'],
  ['Supermercado Familiar', 'Familiar Supermercados S.R.L.', 'Merlo'],
  ['Almacén El Progreso', 'El Progreso S.H.', 'Moreno'],
  ['Resto Bar La Terraza', 'La Terraza Gastronómica S.R.L.', 'Olivos'],
  ['Kiosco Estudiantil', 'Kiosco Estudiantil S.H.', 'CABA'],
  ['Proveeduría Hospital Municipal', 'Municipalidad de Lanús', 'Lanús'],
  ['Mayorista Delta', 'Delta Mayorista S.A.', 'Tigre'],
  ['Heladería Polo Sur', 'Polo Sur S.R.L.', 'Quilmes'],
  ['Autoservicio Chino Li', 'Li Hermanos S.H.', 'Flores'],
  ['Bodegón del Puerto', 'Bodegón del Puerto S.R.L.', 'La Boca'],
  ['Club de Campo Los Robles', 'Los Robles Country S.A.', 'Pilar'],
] as const;

const SUPPLIERS = [
  ['Lácteos La Serenísima del Sur', 'Lácteos del Sur S.A.', 'General Rodríguez'],
  ['Bodega Valle de Uco', 'Valle de Uco Vinos S.A.', 'Tunuyán'],
  ['Frigorífico Pampa Norte', 'Pampa Norte Carnes S.A.', 'Pergamino'],
  ['Molino Harinero San Luis', 'Molino San Luis S.A.', 'Villa Mercedes'],
  ['Aceitera del Litoral', 'Aceitera del Litoral S.A.', 'Rosario'],
  ['Embotelladora Andina', 'Embotelladora Andina S.A.', 'Córdoba'],
  ['Química Limpia S.A.', 'Química Limpia S.A.', 'Pilar'],
  ['Papelera del Plata', 'Papelera del Plata S.A.', 'Zárate'],
  ['Yerbatera Misiones Verde', 'Misiones Verde Cooperativa Ltda.', 'Apóstoles'],
  ['Conservas del Valle', 'Conservas del Valle S.R.L.', 'San Rafael'],
] as const;

const PEOPLE = [
  'Marta Gómez',
  'Jorge Fernández',
  'Lucía Martínez',
  'Diego Romero',
  'Sofía Herrera',
  'Pablo Sosa',
  'Valeria Castro',
  'Martín Acosta',
  'Carolina Ruiz',
  'Federico Molina',
  'Gabriela Silva',
  'Hernán Torres',
  'Paula Medina',
  'Ricardo Vega',
  'Florencia Ríos',
];
const ROLES = ['Compras', 'Dueño', 'Administración', 'Encargado de depósito', 'Gerente'];

const day = (offset: number): Date => new Date(Date.now() + offset * 86_400_000);
const isoDay = (offset: number): string => day(offset).toISOString().slice(0, 10);
const email = (name: string): string =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')}@ejemplo.test`;

const DEMO_CONDITIONS = ['responsable_inscripto', 'monotributo', 'responsable_inscripto', 'exento'];

/**
 * The demo company's CRM: 45 customers and suppliers with contacts and addresses, two
 * pipelines with opportunities in every stage, leads, and open tasks for the salesperson.
 * Plain inserts (one per table): fast, and all in the seed's one transaction.
 */
export async function seedDemoCrm(
  tx: Tx,
  tenantId: string,
  people: { adminId: string; salesId: string; salesMembershipId: string },
): Promise<void> {
  const teamId = newId();
  await tx.insert(teams).values({ tenantId, id: teamId, name: 'Zona Sur' });

  const partyRows = [
    ...CUSTOMERS.map(([name, legalName, city], i) => ({
      name,
      legalName,
      city,
      i,
      customer: true,
    })),
    ...SUPPLIERS.map(([name, legalName, city], i) => ({
      name,
      legalName,
      city,
      i: i + 100,
      customer: false,
    })),
  ].map((p) => ({
    tenantId,
    id: newId(),
    kind: 'organization',
    name: p.name,
    legalName: p.legalName,
    isCustomer: p.customer,
    isSupplier: !p.customer,
    taxCountry: 'AR',
    taxId: demoCuit(50_000_000 + p.i * 7919),
    // Suppliers are registered for IVA; customers mix conditions, so invoices get A and B.
    taxCondition: p.customer
      ? DEMO_CONDITIONS[p.i % DEMO_CONDITIONS.length]
      : 'responsable_inscripto',
    email: email(`contacto ${p.name}`),
    phone: `+54 11 4${String(100 + p.i).padStart(3, '0')}-${String(1000 + p.i * 37).slice(-4)}`,
    tags: p.customer
      ? [p.i % 3 === 0 ? 'mayorista' : 'minorista', p.city.toLowerCase()]
      : ['proveedor'],
    ownerId: p.customer && p.i % 2 === 0 ? people.salesId : people.adminId,
    teamId: p.customer ? teamId : null,
    creditLimit: p.customer ? String(200_000 + (p.i % 7) * 150_000) : null,
    paymentTermsDays: p.customer ? [0, 15, 30, 45, 60][p.i % 5] : 30,
    customerGroup: p.customer ? (p.i % 3 === 0 ? 'mayorista' : 'minorista') : null,
    city: p.city,
  }));
  await tx.insert(parties).values(partyRows.map(({ city: _city, ...row }) => row));
  await tx.insert(contacts).values(
    partyRows.flatMap((p, i) =>
      [0, 1].slice(0, 1 + (i % 2)).map((k) => {
        const name = PEOPLE[(i + k * 7) % PEOPLE.length] ?? 'Contacto';
        return {
          tenantId,
          id: newId(),
          partyId: p.id,
          name,
          role: ROLES[(i + k) % ROLES.length],
          email: email(`${name} ${i}`),
          phone: `+54 9 11 5${String(200 + i).padStart(3, '0')}-${String(3000 + i * 11 + k).slice(-4)}`,
          isPrimary: k === 0,
        };
      }),
    ),
  );
  await tx.insert(addresses).values(
    partyRows.map((p, i) => ({
      tenantId,
      id: newId(),
      partyId: p.id,
      kind: 'billing' as const,
      line1: `${['Av. Mitre', 'Calle Belgrano', 'Av. San Martín', 'Calle Rivadavia', 'Av. Hipólito Yrigoyen'][i % 5]} ${100 + i * 17}`,
      city: p.city,
      region: 'Buenos Aires',
      postalCode: String(1800 + i),
      country: 'AR',
      isDefault: true,
    })),
  );

  const pipelineDefs = [
    {
      name: 'Ventas mayoristas',
      isDefault: true,
      stages: [
        ['Nuevo', 10],
        ['Calificado', 30],
        ['Propuesta enviada', 60],
        ['Negociación', 80],
        ['Ganado', 100],
        ['Perdido', 0],
      ] as const,
    },
    {
      name: 'Grandes cuentas',
      isDefault: false,
      stages: [
        ['Primer contacto', 10],
        ['Relevamiento', 25],
        ['Muestra y degustación', 50],
        ['Licitación', 70],
        ['Adjudicado', 100],
        ['No adjudicado', 0],
      ] as const,
    },
  ];
  const customers = partyRows.filter((p) => p.isCustomer);
  const oppRows = [];
  const stageRows = [];
  let n = 0;
  for (const def of pipelineDefs) {
    const pipelineId = newId();
    await tx
      .insert(pipelines)
      .values({ tenantId, id: pipelineId, name: def.name, isDefault: def.isDefault });
    for (const [position, [name, probability]] of def.stages.entries()) {
      const stageId = newId();
      const isWon = probability === 100;
      const isLost = probability === 0;
      stageRows.push({
        tenantId,
        id: stageId,
        pipelineId,
        name,
        position,
        probability,
        isWon,
        isLost,
      });
      // Every stage has cards: three in the open ones, two in won and lost.
      for (let k = 0; k < (isWon || isLost ? 2 : 3); k++, n++) {
        const party = customers[n % customers.length];
        if (!party) continue;
        oppRows.push({
          tenantId,
          id: newId(),
          pipelineId,
          stageId,
          partyId: party.id,
          title: `${['Pedido mensual', 'Reposición de bebidas', 'Lácteos y fiambres', 'Línea de limpieza', 'Temporada de verano', 'Apertura de sucursal'][n % 6]} — ${party.name}`,
          amount: String(50_000 + ((n * 37_500) % 1_200_000)),
          currency: 'ARS',
          expectedCloseDate: isoDay(7 + ((n * 9) % 120)),
          ownerId: n % 3 === 0 ? people.adminId : people.salesId,
          teamId,
          status: isWon ? 'won' : isLost ? 'lost' : 'open',
          lostReason: isLost ? ['Precio', 'Eligió otro proveedor', 'Sin presupuesto'][n % 3] : null,
          closedAt: isWon || isLost ? day(-(n % 20)) : null,
          rank: String((k + 1) * 1024),
        });
      }
    }
  }
  await tx.insert(stages).values(stageRows);
  await tx.insert(opportunities).values(oppRows);

  await tx.insert(leads).values(
    [
      ['Laura Díaz', 'Panadería Díaz', 'web', 'new'],
      ['Sergio Núñez', 'Bar Notable', 'referral', 'contacted'],
      ['Inés Cabrera', 'Hostel Palermo Soho', 'event', 'qualified'],
      ['Tomás Giménez', 'Verdulería Giménez', 'cold-call', 'new'],
      ['Natalia Ortiz', 'Escuela Nº 12 (cooperadora)', 'campaign', 'contacted'],
      ['Ramiro Suárez', 'Food truck La Ruta', 'web', 'new'],
      ['Elena Paz', 'Geriátrico Los Aromos', 'referral', 'qualified'],
      ['Luis Benítez', 'Gimnasio Fuerza', 'web', 'lost'],
    ].map(([name, companyName, source, status], i) => ({
      tenantId,
      id: newId(),
      name: name ?? '',
      companyName,
      email: email(name ?? 'lead'),
      source: source ?? 'other',
      status: status ?? 'new',
      ownerId: i % 2 ? people.adminId : people.salesId,
      teamId,
    })),
  );

  await tx.insert(activities).values([
    ...oppRows.slice(0, 10).map((o, i) => ({
      tenantId,
      id: newId(),
      kind: 'task',
      subject:
        [
          'Llamar para confirmar pedido',
          'Enviar lista de precios',
          'Visitar al cliente',
          'Preparar propuesta',
          'Coordinar entrega de muestras',
        ][i % 5] ?? 'Seguimiento',
      dueAt: day((i % 7) - 2),
      assigneeId: i % 4 === 3 ? people.adminId : people.salesId,
      partyId: o.partyId,
      opportunityId: o.id,
      createdBy: people.adminId,
    })),
    ...oppRows.slice(0, 8).map((o, i) => ({
      tenantId,
      id: newId(),
      kind: i % 2 ? 'call' : 'note',
      subject: i % 2 ? 'Llamada de seguimiento' : 'Interesado en la línea de limpieza',
      body:
        i % 2
          ? 'Pide entrega los martes por la mañana.'
          : 'Consultar precios mayoristas por pallet.',
      doneAt: day(-(i + 1)),
      partyId: o.partyId,
      opportunityId: o.id,
      createdBy: people.salesId,
    })),
  ]);
  // The salesperson is in the team: rules with $teams show them the team's deals.
  await tx
    .update(memberships)
    .set({ teams: [teamId] })
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, people.salesMembershipId)));
}
