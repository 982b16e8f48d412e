"""The team's record on PostgreSQL: roles, tables and the server's own rules.

Everything a member may or may not do is enforced here, in the server, so that
a member with `psql` and their own login cannot do more than csm lets them:

- Three roles, none of which can log in: `csm_admin` owns the schema and every
  table (members are never in it), `csm_member` is what each member's login is
  granted, `csm_lead` is granted to leads as well.
- Entries are append-only: members have no DELETE, and a trigger refuses a
  DELETE and any UPDATE other than an undo or a note correction, even for the
  owner. An undo happens once; it cannot be taken back or changed.
- `logged_by` is the connected login: it defaults to it, and a trigger refuses
  any other value (`undone_by` and the author of a note change are set the
  same way).
- Row-level security, forced on the table's owner too: a member undoes and
  corrects notes only of their own entries; a lead anyone's, and an undo of
  someone else's entry needs a reason. An UPDATE a policy hides changes no
  row, so the client checks the count.
- One active entry per item and period, as a partial unique index.

Migrations are named and never edited once released; `csm team upgrade`
applies the missing ones, in order, under an advisory lock, and records each
name in `csm.migrations`. A client refuses a record with a migration it does
not know.

This module is plain data and standard library: `csm team init --dry-run`
prints the SQL without a server or psycopg.
"""

SCHEMA = "csm"
ADMIN_ROLE = "csm_admin"
MEMBER_ROLE = "csm_member"
LEAD_ROLE = "csm_lead"

# The advisory lock `csm team upgrade` holds while it migrates: one key, so
# that two administrators upgrading at once apply each migration once.
UPGRADE_LOCK = 0x43534D75  # "CSMu"
# The advisory lock every write that appends to the hash chain takes first,
# inside its transaction: one writer at a time reads the head and appends.
CHAIN_LOCK = 0x43534D63  # "CSMc"

# Run by the administrator's own login (it needs CREATEROLE): the roles are
# the cluster's, not the database's, so they are created if missing.
ROLES_SQL = """
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csm_admin') THEN
        CREATE ROLE csm_admin NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csm_member') THEN
        CREATE ROLE csm_member NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'csm_lead') THEN
        CREATE ROLE csm_lead NOLOGIN IN ROLE csm_member;
    END IF;
END
$roles$;
DO $grant$
BEGIN
    EXECUTE format('GRANT CREATE, CONNECT ON DATABASE %I TO csm_admin', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO csm_member', current_database());
END
$grant$;
GRANT csm_admin TO CURRENT_USER;
"""

# The migrations, in order. Each runs as csm_admin (`SET ROLE`), so that
# csm_admin owns what it creates. Add new ones at the end; never edit one.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "create_schema",
        """
CREATE SCHEMA IF NOT EXISTS csm AUTHORIZATION csm_admin;
GRANT USAGE ON SCHEMA csm TO csm_member;

CREATE TABLE csm.migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);
GRANT SELECT ON csm.migrations TO csm_member;

CREATE TABLE csm.members (
    login text PRIMARY KEY,
    name text NOT NULL,
    lead boolean NOT NULL DEFAULT false,
    added_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON csm.members TO csm_member;

-- Whether the connected login is a lead, or an administrator (who may restore
-- a backup with other people's names in it).
CREATE FUNCTION csm.is_lead() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT pg_has_role(session_user, 'csm_lead', 'MEMBER') $$;
CREATE FUNCTION csm.is_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT pg_has_role(session_user, 'csm_admin', 'MEMBER') $$;
GRANT EXECUTE ON FUNCTION csm.is_lead(), csm.is_admin() TO csm_member;
""",
    ),
    (
        "create_events",
        """
CREATE TABLE csm.events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid text NOT NULL UNIQUE CHECK (length(uuid) BETWEEN 1 AND 64),
    item_id text NOT NULL,
    title text NOT NULL,
    cadence text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('done', 'skip')),
    period_start date NOT NULL,
    period_end date NOT NULL,
    for_date date NOT NULL,
    logged_at text NOT NULL,
    logged_at_utc timestamptz NOT NULL,
    logged_by text NOT NULL DEFAULT current_user,
    done_by text NOT NULL,
    note text NOT NULL DEFAULT '',
    host text NOT NULL DEFAULT '',
    undone_at text,
    undone_by text,
    undo_reason text NOT NULL DEFAULT '',
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX events_one_active ON csm.events (item_id, period_start)
    WHERE undone_at IS NULL;
CREATE INDEX events_item_period ON csm.events (item_id, period_start);
CREATE INDEX events_period_end ON csm.events (period_end, period_start);
CREATE INDEX events_for_date ON csm.events (for_date);
CREATE INDEX events_logged_at_utc ON csm.events (logged_at_utc);

CREATE TABLE csm.note_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_uuid text NOT NULL REFERENCES csm.events (uuid),
    old_note text NOT NULL,
    new_note text NOT NULL,
    changed_at text NOT NULL,
    changed_at_utc timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL,
    host text NOT NULL DEFAULT ''
);
CREATE INDEX note_changes_event ON csm.note_changes (event_uuid, changed_at_utc);

-- Before a row is written: the login is the connected one, an undo is
-- signed by it, and nothing but an undo or a note ever changes.
CREATE FUNCTION csm.events_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, csm
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'csm: entries are never deleted; undo them instead'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.logged_by IS DISTINCT FROM session_user::text THEN
            IF NEW.logged_by = current_user::text THEN
                NEW.logged_by := session_user;  -- the default, under SET ROLE
            ELSIF NOT csm.is_admin() THEN
                RAISE EXCEPTION 'csm: logged_by must be the connected login %', session_user
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF NEW.undone_at IS NOT NULL AND NOT csm.is_admin() THEN
            NEW.undone_by := session_user;
        END IF;
        RETURN NEW;
    END IF;
    -- UPDATE: only an undo, once, or a note.
    IF (NEW.id, NEW.uuid, NEW.item_id, NEW.title, NEW.cadence, NEW.kind, NEW.period_start,
        NEW.period_end, NEW.for_date, NEW.logged_at, NEW.logged_at_utc, NEW.logged_by,
        NEW.done_by, NEW.host, NEW.received_at)
       IS DISTINCT FROM
       (OLD.id, OLD.uuid, OLD.item_id, OLD.title, OLD.cadence, OLD.kind, OLD.period_start,
        OLD.period_end, OLD.for_date, OLD.logged_at, OLD.logged_at_utc, OLD.logged_by,
        OLD.done_by, OLD.host, OLD.received_at) THEN
        RAISE EXCEPTION 'csm: an entry never changes; only an undo or a note correction'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.undone_at, NEW.undone_by, NEW.undo_reason)
       IS DISTINCT FROM (OLD.undone_at, OLD.undone_by, OLD.undo_reason) THEN
        IF OLD.undone_at IS NOT NULL THEN
            RAISE EXCEPTION 'csm: entry % was already undone', OLD.uuid
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.undone_at IS NULL THEN
            RAISE EXCEPTION 'csm: an undo needs its moment'
                USING ERRCODE = 'check_violation';
        END IF;
        NEW.undone_by := session_user;
        IF OLD.logged_by <> session_user::text AND btrim(NEW.undo_reason) = ''
           AND NOT csm.is_admin() THEN
            RAISE EXCEPTION 'csm: undoing an entry logged by % needs a reason', OLD.logged_by
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER events_guard BEFORE INSERT OR UPDATE OR DELETE ON csm.events
    FOR EACH ROW EXECUTE FUNCTION csm.events_guard();

-- A corrected note keeps its earlier text in note_changes, written by the
-- server itself: the trail holds whatever client changed the note.
CREATE FUNCTION csm.events_note_trail() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, csm
    AS $$
BEGIN
    INSERT INTO csm.note_changes (event_uuid, old_note, new_note, changed_at, changed_by, host)
    VALUES (
        OLD.uuid, OLD.note, NEW.note,
        coalesce(nullif(current_setting('csm.changed_at', true), ''),
                 to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')),
        session_user,
        coalesce(current_setting('csm.host', true), '')
    );
    RETURN NEW;
END
$$;
CREATE TRIGGER events_note_trail AFTER UPDATE OF note ON csm.events
    FOR EACH ROW WHEN (OLD.note IS DISTINCT FROM NEW.note)
    EXECUTE FUNCTION csm.events_note_trail();

CREATE FUNCTION csm.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'csm: % is append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER note_changes_append_only BEFORE UPDATE OR DELETE ON csm.note_changes
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();

ALTER TABLE csm.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE csm.events FORCE ROW LEVEL SECURITY;
CREATE POLICY events_read ON csm.events FOR SELECT USING (true);
CREATE POLICY events_add ON csm.events FOR INSERT
    WITH CHECK (logged_by = session_user::text OR csm.is_admin());
CREATE POLICY events_own ON csm.events FOR UPDATE
    USING (logged_by = session_user::text OR csm.is_lead() OR csm.is_admin())
    WITH CHECK (logged_by = session_user::text OR csm.is_lead() OR csm.is_admin());
-- Every row is visible to a DELETE, so that the trigger refuses it aloud
-- rather than the policy hiding it in silence (members have no DELETE grant).
CREATE POLICY events_delete ON csm.events FOR DELETE USING (true);

GRANT SELECT ON csm.events, csm.note_changes TO csm_member;
GRANT INSERT (uuid, item_id, title, cadence, kind, period_start, period_end, for_date,
              logged_at, logged_at_utc, logged_by, done_by, note, host,
              undone_at, undone_by, undo_reason)
    ON csm.events TO csm_member;
GRANT UPDATE (undone_at, undone_by, undo_reason, note) ON csm.events TO csm_member;
""",
    ),
    (
        "create_history_tables",
        """
CREATE TABLE csm.tracking_starts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid text NOT NULL UNIQUE,
    start text NOT NULL,
    recorded_at text NOT NULL,
    recorded_at_utc text NOT NULL,
    recorded_by text NOT NULL DEFAULT session_user
);
CREATE TABLE csm.revisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid text NOT NULL UNIQUE,
    effective text NOT NULL,
    recorded_at text NOT NULL,
    recorded_at_utc text NOT NULL,
    rules text NOT NULL,
    recorded_by text NOT NULL DEFAULT session_user
);
CREATE TRIGGER tracking_starts_append_only BEFORE UPDATE OR DELETE ON csm.tracking_starts
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON csm.revisions
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
GRANT SELECT ON csm.tracking_starts, csm.revisions TO csm_member;
GRANT INSERT (uuid, start, recorded_at, recorded_at_utc) ON csm.tracking_starts TO csm_member;
GRANT INSERT (uuid, effective, recorded_at, recorded_at_utc, rules)
    ON csm.revisions TO csm_member;
""",
    ),
    (
        "create_runs_and_measures",
        """
CREATE TABLE csm.runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid text NOT NULL UNIQUE,
    run_id text NOT NULL UNIQUE,
    playbook text NOT NULL,
    title text NOT NULL,
    name text NOT NULL DEFAULT '',
    started_at text NOT NULL,
    started_at_utc text NOT NULL,
    steps text NOT NULL,
    started_by text NOT NULL,
    host text NOT NULL DEFAULT '',
    closed_at text,
    closed_at_utc text,
    close_note text NOT NULL DEFAULT '',
    forced integer NOT NULL DEFAULT 0
);
CREATE INDEX runs_open ON csm.runs (started_at_utc) WHERE closed_at IS NULL;
CREATE INDEX runs_started ON csm.runs (started_at_utc);
CREATE TABLE csm.step_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid text NOT NULL UNIQUE,
    run_id text NOT NULL,
    step_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('done', 'skip')),
    logged_at text NOT NULL,
    logged_at_utc text NOT NULL,
    logged_by text NOT NULL,
    note text NOT NULL DEFAULT '',
    host text NOT NULL DEFAULT '',
    undone_at text
);
CREATE INDEX step_events_run ON csm.step_events (run_id, step_id);
CREATE TABLE csm.measures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_uuid text NOT NULL REFERENCES csm.events (uuid),
    measure_id text NOT NULL,
    value double precision NOT NULL,
    unit text NOT NULL DEFAULT '',
    UNIQUE (event_uuid, measure_id)
);
CREATE TRIGGER measures_append_only BEFORE UPDATE OR DELETE ON csm.measures
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
CREATE TRIGGER step_events_no_delete BEFORE DELETE ON csm.step_events
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
CREATE TRIGGER runs_no_delete BEFORE DELETE ON csm.runs
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
GRANT SELECT, INSERT ON csm.runs, csm.step_events, csm.measures TO csm_member;
GRANT UPDATE (closed_at, closed_at_utc, close_note, forced) ON csm.runs TO csm_member;
GRANT UPDATE (undone_at) ON csm.step_events TO csm_member;
""",
    ),
    (
        "merge_note_changes",
        """
-- A backup's note corrections come into the trail as they were made (their
-- moment, author and host), once: the same event, moment and texts are the
-- same correction. Only for an event the record holds; the note itself is
-- not changed.
CREATE FUNCTION csm.merge_note_change(
    p_uuid text, p_old text, p_new text, p_at text, p_by text, p_host text
) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, csm
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM csm.events WHERE uuid = p_uuid) THEN
        RAISE EXCEPTION 'csm: no entry %', p_uuid USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (
        SELECT 1 FROM csm.note_changes
        WHERE event_uuid = p_uuid AND old_note = p_old AND new_note = p_new
          AND changed_at::timestamptz = p_at::timestamptz
    ) THEN
        RETURN false;
    END IF;
    INSERT INTO csm.note_changes
        (event_uuid, old_note, new_note, changed_at, changed_at_utc, changed_by, host)
    VALUES (p_uuid, p_old, p_new, p_at, p_at::timestamptz, p_by, p_host);
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION csm.merge_note_change(text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION csm.merge_note_change(text, text, text, text, text, text)
    TO csm_member;
""",
    ),
    (
        "publish_1_rule_sets",
        """
-- The team's checklists and schedule settings, as leads publish them: each
-- revision a JSON document of the checklist files' text, days-off.yaml and
-- the settings that decide schedules. Numbered 1, 2, ... with no gap, never
-- changed. Members read them; only csm.publish_rules writes them, and only
-- a lead may run it.
CREATE TABLE csm.rule_sets (
    number integer PRIMARY KEY CHECK (number >= 1),
    content text NOT NULL,
    digest text NOT NULL,
    published_at text NOT NULL,
    published_by text NOT NULL DEFAULT session_user,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER rule_sets_append_only BEFORE UPDATE OR DELETE ON csm.rule_sets
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
GRANT SELECT ON csm.rule_sets TO csm_member;

-- Publish `p_content` as the revision after `p_base` (0: before any), or
-- refuse when someone published in between: the check and the insert hold
-- one lock, so two leads publishing at once cannot both win.
-- `p_at` is the lead's moment, with its UTC offset (as an entry's logged_at);
-- the server keeps its own in received_at.
CREATE FUNCTION csm.publish_rules(p_base integer, p_content text, p_digest text, p_at text)
    RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, csm
    AS $$
DECLARE
    latest integer;
BEGIN
    IF NOT (csm.is_lead() OR csm.is_admin()) THEN
        RAISE EXCEPTION 'csm: only a lead publishes the team''s checklists'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('csm.rule_sets'));
    SELECT coalesce(max(number), 0) INTO latest FROM csm.rule_sets;
    IF latest <> p_base THEN
        RAISE EXCEPTION 'csm: revision % of the team''s checklists was published after %',
            latest, p_base
            USING ERRCODE = 'CSMP1';
    END IF;
    PERFORM p_at::timestamptz;  -- a moment, or the publish fails
    INSERT INTO csm.rule_sets (number, content, digest, published_at, published_by)
    VALUES (latest + 1, p_content, p_digest, p_at, session_user);
    RETURN latest + 1;
END
$$;
REVOKE ALL ON FUNCTION csm.publish_rules(integer, text, text, text) FROM PUBLIC;
-- Every member may call it, so that a member is told why not: the function
-- itself refuses anyone but a lead, and nobody has INSERT on the table.
GRANT EXECUTE ON FUNCTION csm.publish_rules(integer, text, text, text) TO csm_member;
""",
    ),
    (
        "assign_1_assignments",
        """
-- `csm assign`: who owns an item from a date on. Append-only; only leads
-- may add a change (row-level security, forced on the owner too), and
-- recorded_by is always the connected login (members cannot write it).
CREATE TABLE csm.assignments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid text NOT NULL UNIQUE CHECK (length(uuid) BETWEEN 1 AND 64),
    item_id text NOT NULL,
    effective text NOT NULL,
    people text NOT NULL,
    recorded_at text NOT NULL,
    recorded_at_utc text NOT NULL,
    recorded_by text NOT NULL DEFAULT session_user
);
CREATE TRIGGER assignments_append_only BEFORE UPDATE OR DELETE ON csm.assignments
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
ALTER TABLE csm.assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE csm.assignments FORCE ROW LEVEL SECURITY;
CREATE POLICY assignments_read ON csm.assignments FOR SELECT USING (true);
CREATE POLICY assignments_leads ON csm.assignments FOR INSERT
    WITH CHECK (csm.is_lead() AND recorded_by = session_user);
GRANT SELECT ON csm.assignments TO csm_member;
GRANT INSERT (uuid, item_id, effective, people, recorded_at, recorded_at_utc)
    ON csm.assignments TO csm_member;
""",
    ),
    (
        "create_chain",
        """
-- Tamper evidence: every entry, undo and note correction is a link of a hash
-- chain (seq 1, 2, ...), computed by the client under the advisory lock
-- CHAIN_LOCK with the same canonical text as a manager's own log, so that the
-- same history gives the same chain in both engines (a PL/pgSQL copy of
-- that text could drift from it). `csm verify` recomputes every link; the
-- links themselves are append-only, even for the owner. `csm team upgrade`
-- builds the chain of the entries already kept, in log order, right after
-- this migration and in its transaction.
CREATE TABLE csm.chain (
    seq bigint PRIMARY KEY CHECK (seq > 0),
    link text NOT NULL CHECK (link IN ('entry', 'undo', 'note', 'note-trail')),
    event_uuid text NOT NULL,
    note_id bigint,
    hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    added_by text NOT NULL DEFAULT session_user,
    added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chain_event ON csm.chain (event_uuid, link);
CREATE INDEX chain_note ON csm.chain (note_id) WHERE note_id IS NOT NULL;
CREATE TRIGGER chain_append_only BEFORE UPDATE OR DELETE ON csm.chain
    FOR EACH ROW EXECUTE FUNCTION csm.refuse_change();
GRANT SELECT ON csm.chain TO csm_member;
GRANT INSERT (seq, link, event_uuid, note_id, hash) ON csm.chain TO csm_member;
""",
    ),
    (
        "merge_note_change_own_only",
        """
-- merge_note_change signed a correction with whatever name it was given, on
-- any entry: a member could write a correction into someone else's entry's
-- history, in someone else's name. Now a member brings in only corrections
-- of entries they logged themselves, and each is signed with their login; a
-- lead or an administrator (restoring the team's backup) any entry's, as
-- signed. A correction already in the trail is still "nothing to add" for
-- anyone, so importing a backup again changes nothing and is not refused.
CREATE OR REPLACE FUNCTION csm.merge_note_change(
    p_uuid text, p_old text, p_new text, p_at text, p_by text, p_host text
) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, csm
    AS $$
DECLARE
    v_logged_by text;
    v_by text := p_by;
BEGIN
    SELECT logged_by INTO v_logged_by FROM csm.events WHERE uuid = p_uuid;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'csm: no entry %', p_uuid USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (
        SELECT 1 FROM csm.note_changes
        WHERE event_uuid = p_uuid AND old_note = p_old AND new_note = p_new
          AND changed_at::timestamptz = p_at::timestamptz
    ) THEN
        RETURN false;
    END IF;
    IF NOT (csm.is_lead() OR csm.is_admin()) THEN
        IF v_logged_by IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION
                'csm: entry % was logged by %: only they or a lead can add to its notes',
                p_uuid, v_logged_by
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        v_by := session_user;
    END IF;
    INSERT INTO csm.note_changes
        (event_uuid, old_note, new_note, changed_at, changed_at_utc, changed_by, host)
    VALUES (p_uuid, p_old, p_new, p_at, p_at::timestamptz, v_by, p_host);
    RETURN true;
END
$$;
""",
    ),
]

# What `csm team upgrade` runs in Python right after a migration, in its
# transaction: the chain of the entries already kept is built by the client's
# own code (`store/pg_chain.py`), as every later link is.
AFTER = {"create_chain": "build_chain"}

KNOWN = tuple(name for name, _sql in MIGRATIONS)


def migration_sql(name: str, sql: str) -> str:
    """One migration as it is applied: as csm_admin, then its name recorded."""
    return (
        f"SET LOCAL ROLE {ADMIN_ROLE};\n{sql.strip()}\n"
        f"INSERT INTO {SCHEMA}.migrations (name) VALUES ('{name}');\n"
    )


def init_script() -> str:
    """Everything `csm team init` runs, as one script an administrator can read."""
    parts = [
        "-- csm team init: roles, then every migration in its own transaction",
        ROLES_SQL.strip(),
    ]
    for name, sql in MIGRATIONS:
        after = ""
        if name in AFTER:
            after = "-- (csm builds the chain of the entries already kept here)\n"
        parts.append(f"-- migration {name}\nBEGIN;\n{migration_sql(name, sql)}{after}COMMIT;")
    return "\n\n".join(parts) + "\n"
