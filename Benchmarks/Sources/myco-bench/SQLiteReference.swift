/// What the sqlite3 shell runs for the same work: the same schema shape (foreign key, index on
/// batch and flush, WAL), `.import --csv` of the same files, and the report's GROUP BY.
enum SQLiteReference {
  static func importScript(_ data: YieldData) -> String {
    """
    PRAGMA journal_mode=WAL;
    PRAGMA foreign_keys=ON;
    CREATE TABLE batch (batch_id TEXT PRIMARY KEY, grower TEXT NOT NULL, place TEXT, elevation_m REAL,
      variety TEXT NOT NULL, strain TEXT, substrate TEXT, bag_size TEXT NOT NULL,
      dry_substrate_kg_per_bag REAL NOT NULL, bags INTEGER NOT NULL, inoculated_on TEXT NOT NULL,
      facility TEXT, bags_contaminated INTEGER, advice_rules TEXT, kb_version TEXT, notes TEXT);
    CREATE TABLE harvest (id INTEGER PRIMARY KEY AUTOINCREMENT,
      batch_id TEXT NOT NULL REFERENCES batch(batch_id) ON DELETE CASCADE, harvested_on TEXT NOT NULL,
      flush INTEGER NOT NULL, fresh_kg REAL NOT NULL, grade TEXT, price_yuan_per_kg REAL);
    CREATE INDEX harvest_on_batch_flush ON harvest(batch_id, flush);
    .import --csv --skip 1 \(data.batchesPath) batch
    BEGIN;
    CREATE TEMP TABLE h (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg);
    .import --csv --skip 1 \(data.harvestsPath) h
    INSERT INTO harvest (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg) SELECT * FROM h;
    COMMIT;

    """
  }

  static let reportQuery = """
    SELECT b.bag_size,
      CASE WHEN CAST(substr(b.inoculated_on, 6, 2) AS INTEGER) BETWEEN 3 AND 5 THEN 'spring'
           WHEN CAST(substr(b.inoculated_on, 6, 2) AS INTEGER) BETWEEN 6 AND 8 THEN 'summer'
           WHEN CAST(substr(b.inoculated_on, 6, 2) AS INTEGER) BETWEEN 9 AND 11 THEN 'autumn'
           ELSE 'winter' END AS season,
      COUNT(*), SUM(b.bags), SUM(COALESCE(h.fresh, 0)),
      AVG(COALESCE(h.fresh, 0) / b.bags),
      AVG(COALESCE(h.fresh, 0) / (b.dry_substrate_kg_per_bag * b.bags) * 100),
      SUM(b.bags_contaminated) * 100.0 / SUM(b.bags),
      AVG(COALESCE(h.flushes, 0)),
      AVG(julianday(h.first) - julianday(b.inoculated_on))
    FROM batch b LEFT JOIN (
      SELECT batch_id, SUM(fresh_kg) AS fresh, COUNT(DISTINCT flush) AS flushes, MIN(harvested_on) AS first
      FROM harvest GROUP BY batch_id) h ON h.batch_id = b.batch_id
    GROUP BY 1, 2 ORDER BY 1, 2;

    """
}
