import {DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, type DatabaseIntrospector, type DatabaseMetadataOptions, type Kysely, PostgresDialect, PostgresIntrospector, sql, type TableMetadata} from 'kysely'

/**
 * A PostgreSQL store lives in one schema (its search_path) of a database that other stores may
 * share. kysely's own introspector reads every table of every schema and looks each one up again by
 * name (pg_get_serial_sequence): a table that another schema drops while that read runs (an older
 * store upgraded past 0012_log_batches drops log_lines) fails the whole read with `relation
 * "t_….log_lines" does not exist`. The Migrator makes that read at every start, outside its lock, to
 * see whether its own tables exist, so a store failed to open whenever another schema's migration
 * committed a drop at that moment. This dialect answers for the store's schema only, from one
 * snapshot of the catalog with no lookup by name that a concurrent drop could fail.
 */
export class StorePostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new StoreSchemaIntrospector(db)
  }
}

interface ColumnRow {
  schema: string
  table: string
  is_view: boolean
  column: string
  type: string
  type_schema: string
  nullable: boolean
  has_default: boolean
  // owns a sequence (serial or identity): what pg_get_serial_sequence would find, read from pg_depend
  auto_incrementing: boolean
  comment: string | null
}

// (the schema list comes from kysely's introspector: pg_namespace alone, no lookup by name)
class StoreSchemaIntrospector extends PostgresIntrospector {
  constructor(private readonly db: Kysely<any>) {
    super(db)
  }

  override async getTables(options: DatabaseMetadataOptions = {withInternalKyselyTables: false}): Promise<TableMetadata[]> {
    const {rows} = await sql<ColumnRow>`
      select ns.nspname as schema, c.relname as table, c.relkind = 'v' as is_view, a.attname as column, t.typname as type,
        tns.nspname as type_schema, not a.attnotnull as nullable, a.atthasdef as has_default,
        exists (select from pg_catalog.pg_depend d join pg_catalog.pg_class s on s.oid = d.objid and s.relkind = 'S'
          where d.classid = 'pg_catalog.pg_class'::regclass and d.refobjid = c.oid and d.refobjsubid = a.attnum
            and d.deptype in ('a', 'i')) as auto_incrementing,
        col_description(c.oid, a.attnum) as comment
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_catalog.pg_type t on t.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = t.typnamespace
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
      order by c.relname, a.attnum`.execute(this.db)
    const internal = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE])
    const tables = new Map<string, TableMetadata>()
    for (const row of rows) {
      if (!options.withInternalKyselyTables && internal.has(row.table)) continue
      let table = tables.get(row.table)
      if (!table) tables.set(row.table, (table = {name: row.table, schema: row.schema, isView: row.is_view, columns: []}))
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: row.nullable,
        hasDefaultValue: row.has_default,
        isAutoIncrementing: row.auto_incrementing,
        comment: row.comment ?? undefined,
      })
    }
    return [...tables.values()]
  }
}
