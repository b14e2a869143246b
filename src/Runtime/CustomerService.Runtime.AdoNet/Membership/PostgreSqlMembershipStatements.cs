namespace CustomerService.Runtime.AdoNet.Membership;

/// <summary>The SQL of the PostgreSQL membership table: a version row per cluster and a row per silo, keyed by
/// (cluster id, address, port, generation). Writes run in a transaction that first moves the version row from the
/// expected number to the new one; the row lock that takes serialises writers of one cluster.</summary>
internal static class PostgreSqlMembershipStatements
{
    public const int MaxClusterIdLength = 150;

    // Concurrent starters racing on CREATE TABLE IF NOT EXISTS can both pass the check; the lock serialises them.
    public const string SchemaLock = "SELECT pg_advisory_xact_lock(hashtext('CustomerService.Runtime.AdoNet membership schema'))";

    public const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS cs_membership_version (
            cluster_id varchar(150) NOT NULL PRIMARY KEY,
            version integer NOT NULL,
            changed_on timestamptz NOT NULL DEFAULT now())
        """;

    public const string CreateMembersTable = """
        CREATE TABLE IF NOT EXISTS cs_membership_members (
            cluster_id varchar(150) NOT NULL,
            address varchar(255) NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name varchar(255) NOT NULL,
            host_name varchar(255) NOT NULL,
            status integer NOT NULL,
            gateway_port integer NOT NULL,
            start_time timestamptz NOT NULL,
            iamalive_time timestamptz NOT NULL,
            suspect_votes text NOT NULL,
            etag integer NOT NULL,
            PRIMARY KEY (cluster_id, address, port, generation))
        """;

    public const string InitVersion =
        "INSERT INTO cs_membership_version (cluster_id, version) VALUES ($1, 0) ON CONFLICT (cluster_id) DO NOTHING";

    // One statement, so the version and the rows come from one snapshot. $2..$4 null = every row.
    public const string Read = """
        SELECT v.version, m.address, m.port, m.generation, m.silo_name, m.host_name, m.status, m.gateway_port,
               m.start_time, m.iamalive_time, m.suspect_votes, m.etag
        FROM cs_membership_version v
        LEFT JOIN cs_membership_members m ON m.cluster_id = v.cluster_id
            AND ($2::varchar IS NULL OR (m.address = $2 AND m.port = $3 AND m.generation = $4))
        WHERE v.cluster_id = $1
        """;

    public const string BumpVersion =
        "UPDATE cs_membership_version SET version = $2, changed_on = now() WHERE cluster_id = $1 AND version = $2 - 1";

    public const string InsertMember = """
        INSERT INTO cs_membership_members (cluster_id, address, port, generation, silo_name, host_name, status,
            gateway_port, start_time, iamalive_time, suspect_votes, etag)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0)
        ON CONFLICT DO NOTHING
        """;

    public const string UpdateMember = """
        UPDATE cs_membership_members SET silo_name = $5, host_name = $6, status = $7, gateway_port = $8,
            start_time = $9, iamalive_time = $10, suspect_votes = $11, etag = etag + 1
        WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4 AND etag = $12
        """;

    public const string UpdateIAmAlive =
        "UPDATE cs_membership_members SET iamalive_time = $5 WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4";

    public const string Cleanup =
        "DELETE FROM cs_membership_members WHERE cluster_id = $1 AND status = $2 AND iamalive_time < $3";

    public const string DeleteMembers = "DELETE FROM cs_membership_members WHERE cluster_id = $1";

    public const string DeleteVersion = "DELETE FROM cs_membership_version WHERE cluster_id = $1";
}
