import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema and writes SQL migrations into migrations/.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './migrations',
});
