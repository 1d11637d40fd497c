import type { Db } from './client.ts';
import { present } from './present.ts';
import type { Prisma } from './generated/prisma/client.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { builtInUserTypes, createOrganization } from './organizations.ts';

// The built-in roles and user types belong to every organization (organizations.ts).
export { builtInRoles, builtInUserTypes } from './organizations.ts';

const demoLicenses: { key: string; name: string; seats: number; userTypes: string[] }[] = [
  { key: 'field_apps', name: 'Applications de terrain', seats: 60, userTypes: ['mobile_worker', 'creator', 'professional', 'professional_plus'] },
  { key: 'advanced_analysis', name: 'Analyse avancée', seats: 25, userTypes: ['creator', 'professional', 'professional_plus'] },
  { key: 'desktop_pro', name: 'Poste SIG professionnel', seats: 10, userTypes: ['professional', 'professional_plus'] },
  { key: 'reporting_plus', name: 'Rapports étendus', seats: 40, userTypes: ['contributor', 'mobile_worker', 'creator', 'professional', 'professional_plus'] },
];

const firstNames = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Clara', 'Lucie', 'Anaïs', 'Mathilde', 'Zoé',
  'Élodie', 'Margaux', 'Hélène', 'Sophie', 'Amélie', 'Nadia', 'Aïcha', 'Thomas', 'Lucas', 'Hugo', 'Louis', 'Nathan',
  'Gabriel', 'Arthur', 'Jules', 'Théo', 'Antoine', 'Maxime', 'Nicolas', 'Julien', 'Mehdi', 'Karim', 'Yanis', 'Benoît',
  'François', 'Grégoire', 'Jérôme', 'Olivier', 'Pierre', 'Raphaël', 'Sébastien', 'Timothée', 'Victor', 'Bastien',
];
const lastNames = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard',
  'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau',
  'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier',
  'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis',
  'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean',
  'Perez', 'Marchand', 'Dufour', 'Blanchard', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin',
  'Fernandez', 'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois',
  'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier',
  'Rodriguez', 'Da Silva', 'Hubert', 'Louis', 'Charles', 'Guillot', 'Rivière', 'Le Gall', 'Guillaume', 'Adam', 'Rey',
  'Moulin', 'Gonzalez', 'Berger', 'Lecomte', 'Ménard', 'Fleury', 'Deschamps', 'Carpentier', 'Julien', 'Benoît',
  'Paris', 'Maillard', 'Marchal', 'Aubry', 'Vasseur', 'Le Roux', 'Renault', 'Jacquet', 'Collet', 'Prévost', 'Poirier',
  'Charpentier', 'Royer', 'Huet', 'Baron', 'Dupuy', 'Pons', 'Paul', 'Laine', 'Carré', 'Breton', 'Rémy', 'Schneider',
  'Perrot', 'Guyot', 'Barre', 'Marty', 'Cousin',
];

const groupNames = ['Équipe SIG', 'Direction technique', 'Agents de terrain', 'Urbanisme', 'Environnement', 'Communication'];
const categoryNames = ['Siège', 'Agence Nord', 'Agence Sud', 'Prestataire', 'Stagiaire', 'Cadre', 'Technicien', 'Temps partiel'];
const contentKinds = ['map', 'app', 'layer', 'file', 'dashboard'];
const contentTitles = [
  'Plan de voirie', 'Réseau d’eau potable', 'Inventaire des arbres', 'Zones inondables', 'Tableau de bord des chantiers',
  'Cadastre communal', 'Pistes cyclables', 'Collecte des déchets', 'Éclairage public', 'Points d’apport volontaire',
];

/** Small deterministic PRNG so the demo data is the same on every machine. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export type SeedOrganizationOptions = {
  slug: string;
  name: string;
  adminUsername?: string;
  /** Plain password for the administrator; forced change at first sign-in unless adminMustChangePassword is false. */
  adminPassword: string;
  adminMustChangePassword?: boolean;
  memberCount?: number;
  emailDomain?: string;
  randomSeed?: number;
};

export type SeededOrganization = { organizationId: string; adminId: string };

/** Creates an organization with roles, user types, licences, groups, categories, content and members. */
export async function seedOrganization(db: Db, opts: SeedOrganizationOptions): Promise<SeededOrganization> {
  const rand = mulberry32(opts.randomSeed ?? 20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const domain = opts.emailDomain ?? `${opts.slug}.example.org`;
  const adminHash = await hashPassword(opts.adminPassword);

  return db.$transaction(
    async (tx) => {
      const created = await createOrganization(tx, {
        slug: opts.slug,
        name: opts.name,
        allowedIdentityTypes: ['builtin', 'ldap', 'saml', 'oidc'],
        namedUserLimit: 1000,
        administrator: {
          username: opts.adminUsername ?? 'admin',
          firstName: 'Alex',
          lastName: 'Administrateur',
          email: `admin@${domain}`,
          passwordHash: adminHash,
          mustChangePassword: opts.adminMustChangePassword ?? true,
        },
      });
      const { organizationId, roles, userTypes } = created;
      const admin = { id: created.adminId, username: opts.adminUsername ?? 'admin' };

      // The demo's licences, each compatible with the user types it lists.
      const licenses = new Map<string, string>();
      for (const l of demoLicenses) {
        const lic = await tx.license.create({ data: { organizationId, key: l.key, name: l.name, seats: l.seats } });
        licenses.set(l.key, lic.id);
      }
      await tx.userTypeLicense.createMany({
        data: demoLicenses.flatMap((l) => l.userTypes.map((key) => ({ userTypeId: present(userTypes.get(key), 'userTypes.get(key)'), licenseId: present(licenses.get(l.key), 'licenses.get(l.key)') }))),
      });

      // Members: roles and user types always compatible; statuses and identity types varied.
      const usernames = new Set<string>([admin.username]);
      const memberRows: Prisma.MemberCreateManyInput[] = [];
      const memberTypes: string[] = [];
      const count = opts.memberCount ?? 200;
      const epoch = Date.UTC(2024, 0, 1);
      for (let i = 0; i < count; i++) {
        const firstName = pick(firstNames);
        const lastName = pick(lastNames);
        const base = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
        let username = base;
        for (let n = 2; usernames.has(username); n++) username = `${base}${n}`;
        usernames.add(username);
        const ut = pick(builtInUserTypes);
        const roleKey = pick(ut.roles.filter((r) => r !== 'administrator' || rand() < 0.1));
        const r = rand();
        const status = r < 0.84 ? 'active' : r < 0.93 ? 'pending' : 'disabled';
        const idr = rand();
        const identityType = idr < 0.75 ? 'builtin' : idr < 0.9 ? 'ldap' : 'saml';
        const createdAt = new Date(epoch + Math.floor(rand() * 680) * 86_400_000 + Math.floor(rand() * 86_400_000));
        const lastSignInAt =
          status === 'pending' ? null : new Date(createdAt.getTime() + Math.floor(rand() * 200) * 86_400_000);
        memberRows.push({
          organizationId,
          username,
          firstName,
          lastName,
          email: `${username}@${domain}`,
          identityType,
          externalId: identityType === 'ldap' ? `uid=${username},ou=people,dc=example,dc=org` : identityType === 'saml' ? username : null,
          roleId: present(roles.get(roleKey), 'roles.get(roleKey)'),
          userTypeId: present(userTypes.get(ut.key), 'userTypes.get(ut.key)'),
          status,
          language: rand() < 0.8 ? 'fr' : 'en',
          locale: rand() < 0.8 ? 'fr-FR' : 'en-GB',
          createdAt,
          lastSignInAt: lastSignInAt && lastSignInAt.getTime() < Date.now() ? lastSignInAt : null,
          activatedAt: status === 'pending' ? null : createdAt,
          disabledAt: status === 'disabled' ? new Date(createdAt.getTime() + 86_400_000) : null,
        });
        memberTypes.push(ut.key);
      }
      await tx.member.createMany({ data: memberRows });
      const members = await tx.member.findMany({
        where: { organizationId, id: { not: admin.id } },
        select: { id: true, username: true, userType: { select: { key: true } } },
        orderBy: { username: 'asc' },
      });

      // Licences within their seat counts and only for compatible user types.
      const assignments: { organizationId: string; licenseId: string; memberId: string }[] = [];
      for (const l of demoLicenses) {
        const eligible = members.filter((m) => l.userTypes.includes(m.userType.key));
        const take = Math.min(Math.floor(l.seats * 0.7), eligible.length);
        for (const m of eligible.slice(0, take)) assignments.push({ organizationId, licenseId: present(licenses.get(l.key), 'licenses.get(l.key)'), memberId: m.id });
      }
      await tx.licenseAssignment.createMany({ data: assignments });

      const owners = [admin.id, ...members.slice(0, 5).map((m) => m.id)];
      const groups: string[] = [];
      for (const [i, name] of groupNames.entries()) {
        const g = await tx.group.create({ data: { organizationId, name, ownerId: present(owners[i % owners.length], 'owners[i % owners.length]') } });
        groups.push(g.id);
      }
      await tx.groupMembership.createMany({
        data: members.flatMap((m, i) => (i % 3 === 0 ? [] : [{ organizationId, groupId: present(groups[i % groups.length], 'groups[i % groups.length]'), memberId: m.id }])),
      });
      await tx.organizationDefaultGroup.create({ data: { organizationId, groupId: present(groups[0], 'groups[0]') } });

      await tx.memberCategory.createMany({ data: categoryNames.map((name) => ({ organizationId, name })) });
      const categories = await tx.memberCategory.findMany({ where: { organizationId }, select: { id: true } });
      await tx.memberCategoryAssignment.createMany({
        data: members.flatMap((m, i) => (i % 2 === 0 ? [{ organizationId, memberId: m.id, categoryId: present(categories[i % categories.length], 'categories[i % categories.length]').id }] : [])),
      });

      await tx.contentItem.createMany({
        data: Array.from({ length: 30 }, (_, i) => ({
          organizationId,
          ownerId: i < 5 ? admin.id : present(members[(i * 7) % members.length], 'members[(i * 7) % members.length]').id,
          title: `${contentTitles[i % contentTitles.length]}${i >= contentTitles.length ? ` ${Math.floor(i / contentTitles.length) + 1}` : ''}`,
          kind: present(contentKinds[i % contentKinds.length], 'contentKinds[i % contentKinds.length]'),
        })),
      });

      await tx.auditEvent.create({
        data: { organizationId, action: 'organization.seeded', targetType: 'organization', targetId: organizationId, after: { members: count + 1 } },
      });
      return { organizationId, adminId: admin.id };
    },
    { timeout: 60_000 },
  );
}

/** Seeds the demo organization if the database has none. Returns the generated password when one was made. */
export async function seedDemoIfEmpty(
  db: Db,
  opts: { adminPassword?: string },
): Promise<{ seeded: boolean; generatedPassword?: string }> {
  const existing = await db.organization.count();
  if (existing > 0) return { seeded: false };
  const generatedPassword = opts.adminPassword ? undefined : generatePassword();
  await seedOrganization(db, {
    slug: 'demo',
    name: 'Organisation de démonstration',
    adminPassword: opts.adminPassword ?? present(generatedPassword, 'the generated password'),
    emailDomain: 'demo.sesame.example',
  });
  return { seeded: true, generatedPassword };
}
