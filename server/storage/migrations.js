// @ts-check
/**
 * Versioned schema changes, one list per database. A migration is never edited once it has
 * shipped: a change is a new entry with the next version. `schema_migrations` records what ran.
 */

/** @typedef {{ version: number, name: string, sql: string }} Migration */

/** @type {Migration[]} */
export const sqliteMigrations = [
  {
    version: 1,
    name: 'consent_events',
    sql: `
      CREATE TABLE consent_events (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        consent_id TEXT NOT NULL,
        action TEXT NOT NULL,
        categories TEXT NOT NULL,
        services TEXT NOT NULL,
        revision INTEGER NOT NULL,
        policy_version TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        language TEXT NOT NULL,
        gpc INTEGER NOT NULL,
        path TEXT NOT NULL,
        widget_version TEXT NOT NULL,
        client_time TEXT NOT NULL,
        received_at TEXT NOT NULL,
        origin TEXT,
        ip_prefix TEXT,
        ua_family TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consent_events_by_consent ON consent_events (consent_id, received_at, seq);
      CREATE INDEX consent_events_by_time ON consent_events (received_at, seq);
      -- The log is proof: rows are added and (by retention) removed, never changed.
      CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
      BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'admin_sessions_and_daily_rollup',
    sql: `
      -- Dashboard sign-ins: only hashes of the session ID and its CSRF token are kept, so a
      -- copy of the database signs no one in. Several processes on one database share them.
      CREATE TABLE admin_sessions (
        id_hash TEXT PRIMARY KEY,
        csrf_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_at);
      -- The dashboard's per-day figures (aggregates only, no event), with the time they were
      -- computed: a day computed after it ended gets no new events (the server stamps each
      -- with its own clock), so its figures stand until retention reaches that day.
      CREATE TABLE daily_rollup (
        day TEXT PRIMARY KEY,
        computed_at TEXT NOT NULL,
        figures TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/** @type {Migration[]} */
export const postgresMigrations = [
  {
    version: 1,
    name: 'consent_events',
    sql: `
      CREATE TABLE consent_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        consent_id uuid NOT NULL,
        action text NOT NULL,
        categories jsonb NOT NULL,
        services jsonb NOT NULL,
        revision integer NOT NULL,
        policy_version text NOT NULL,
        text_hash text NOT NULL,
        language text NOT NULL,
        gpc boolean NOT NULL,
        path text NOT NULL,
        widget_version text NOT NULL,
        client_time text NOT NULL,
        received_at timestamptz NOT NULL,
        origin text,
        ip_prefix text,
        ua_family text NOT NULL
      );
      CREATE INDEX consent_events_by_consent ON consent_events (consent_id, received_at, seq);
      CREATE INDEX consent_events_by_time ON consent_events (received_at, seq);
      -- The log is proof: rows are added and (by retention) removed, never changed.
      CREATE FUNCTION consent_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'consent_events is append-only'; END $$;
      CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
        FOR EACH ROW EXECUTE FUNCTION consent_events_refuse_change();
      CREATE TRIGGER consent_events_no_truncate BEFORE TRUNCATE ON consent_events
        FOR EACH STATEMENT EXECUTE FUNCTION consent_events_refuse_change();
    `,
  },
  {
    version: 2,
    name: 'admin_sessions_and_daily_rollup',
    sql: `
      -- Dashboard sign-ins: only hashes of the session ID and its CSRF token are kept, so a
      -- copy of the database signs no one in. Several processes on one database share them.
      CREATE TABLE admin_sessions (
        id_hash text PRIMARY KEY,
        csrf_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_at);
      -- The dashboard's per-day figures (aggregates only, no event), with the time they were
      -- computed: a day computed after it ended gets no new events (the server stamps each
      -- with its own clock), so its figures stand until retention reaches that day.
      CREATE TABLE daily_rollup (
        day text PRIMARY KEY,
        computed_at timestamptz NOT NULL,
        figures jsonb NOT NULL
      );
    `,
  },
];
