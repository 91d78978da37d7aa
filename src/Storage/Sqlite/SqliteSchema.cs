namespace Pursearch.Storage.Sqlite;

/// <summary>The schema of the SQLite store, as its ordered migrations. Append new ones; never edit a released one.</summary>
public static class SqliteSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "catalog, change feed, embeddings, registries, scrape runs, images", """
            CREATE TABLE sequence_counter (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                value INTEGER NOT NULL);
            INSERT INTO sequence_counter (id, value) VALUES (1, 0);

            CREATE TABLE change_feed (
                kind TEXT NOT NULL,
                key TEXT NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (kind, key)) WITHOUT ROWID;
            CREATE UNIQUE INDEX change_feed_seq ON change_feed (seq);

            CREATE TABLE products (
                id TEXT PRIMARY KEY,
                retailer TEXT NOT NULL,
                sku TEXT NOT NULL,
                brand TEXT NOT NULL,
                name TEXT NOT NULL,
                style TEXT NOT NULL,
                family_id TEXT NOT NULL,
                colour TEXT NOT NULL,
                price_amount TEXT NOT NULL,
                price_currency TEXT NOT NULL,
                product_url TEXT NOT NULL,
                image_url TEXT NOT NULL,
                image_sha256 TEXT,
                availability TEXT NOT NULL,
                first_seen INTEGER NOT NULL,
                last_seen INTEGER NOT NULL);
            CREATE INDEX products_retailer_last_seen ON products (retailer, last_seen);

            CREATE TABLE embedding_spaces (
                id TEXT PRIMARY KEY,
                backbone TEXT NOT NULL,
                preprocessing TEXT NOT NULL,
                projection TEXT,
                dimensions INTEGER NOT NULL);

            CREATE TABLE embeddings (
                space_id TEXT NOT NULL REFERENCES embedding_spaces (id),
                product_id TEXT NOT NULL REFERENCES products (id),
                image_sha256 TEXT NOT NULL,
                vector BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (space_id, product_id));

            CREATE TABLE model_versions (
                id TEXT PRIMARY KEY,
                space_id TEXT NOT NULL REFERENCES embedding_spaces (id),
                weights_path TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                metrics TEXT NOT NULL);
            CREATE TABLE model_promotions (
                position INTEGER PRIMARY KEY AUTOINCREMENT,
                model_id TEXT NOT NULL REFERENCES model_versions (id),
                promoted_at INTEGER NOT NULL);

            CREATE TABLE index_generations (
                id TEXT PRIMARY KEY,
                space_id TEXT NOT NULL REFERENCES embedding_spaces (id),
                shard_count INTEGER NOT NULL,
                state TEXT NOT NULL,
                created_at INTEGER NOT NULL);
            CREATE UNIQUE INDEX index_generations_one_live ON index_generations (state) WHERE state = 'Live';

            CREATE TABLE scrape_runs (
                id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                finished_at INTEGER,
                status TEXT NOT NULL);
            CREATE INDEX scrape_runs_started ON scrape_runs (started_at);
            CREATE TABLE scrape_run_counters (
                run_id TEXT NOT NULL REFERENCES scrape_runs (id),
                name TEXT NOT NULL,
                value INTEGER NOT NULL,
                PRIMARY KEY (run_id, name)) WITHOUT ROWID;
            CREATE TABLE scrape_run_errors (
                id INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL REFERENCES scrape_runs (id),
                kind TEXT NOT NULL,
                url TEXT NOT NULL,
                message TEXT NOT NULL,
                at INTEGER NOT NULL);
            CREATE INDEX scrape_run_errors_run ON scrape_run_errors (run_id, id);

            CREATE TABLE images (
                sha256 TEXT PRIMARY KEY,
                size INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                created_at INTEGER NOT NULL) WITHOUT ROWID;
            """),
        new(2, "scrape sources and page states", """
            CREATE TABLE scrape_sources (
                name TEXT PRIMARY KEY,
                retailer TEXT NOT NULL,
                start_urls TEXT NOT NULL,
                allowed_hosts TEXT NOT NULL,
                requests_per_second REAL NOT NULL,
                max_pages INTEGER NOT NULL,
                allow_private INTEGER NOT NULL,
                schedule TEXT,
                created_at INTEGER NOT NULL);

            CREATE TABLE scrape_pages (
                source TEXT NOT NULL,
                url TEXT NOT NULL,
                etag TEXT,
                last_modified INTEGER,
                product_ids TEXT NOT NULL,
                seen_at INTEGER NOT NULL,
                PRIMARY KEY (source, url)) WITHOUT ROWID;
            """),
    ];
}
