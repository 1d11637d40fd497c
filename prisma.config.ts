import { defineConfig } from 'prisma/config';

// The CLI reads this; the app itself never needs it (it builds the adapter in packages/db).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/sesame' },
});
