import Foundation

/// What `psql` runs for the same work on PostgreSQL: `\copy` of the same files into the same
/// schema (made by `myco`, untimed), in one transaction, and the report's GROUP BY.
enum PostgresReference {
  static func importScript(_ data: YieldData) -> String {
    """
    BEGIN;
    CREATE TEMP TABLE b (batch_id text, grower text, place text, elevation_m text, variety text, strain text,
      substrate text, bag_size text, dry text, bags text, inoculated_on text, facility text,
      bags_contaminated text, advice_rules text, kb_version text, notes text);
    \\copy b FROM '\(data.batchesPath)' WITH (FORMAT csv, HEADER)
    INSERT INTO batch SELECT batch_id, grower, coalesce(place, ''), elevation_m::float8, variety,
      coalesce(strain, ''), coalesce(substrate, ''), split_part(bag_size, 'x', 1)::float8,
      split_part(bag_size, 'x', 2)::float8, dry::float8, bags::int, inoculated_on::date, coalesce(facility, ''),
      coalesce(bags_contaminated, '0')::int, coalesce(advice_rules, ''), coalesce(kb_version, ''),
      coalesce(notes, '') FROM b;
    \\copy harvest (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg) FROM '\(data.harvestsPath)' WITH (FORMAT csv, HEADER, FORCE_NOT_NULL (grade))
    COMMIT;

    """
  }

  static let reportQuery = """
    SELECT b.bag_width_cm, b.bag_length_cm,
      CASE WHEN extract(month FROM b.inoculated_on) BETWEEN 3 AND 5 THEN 'spring'
           WHEN extract(month FROM b.inoculated_on) BETWEEN 6 AND 8 THEN 'summer'
           WHEN extract(month FROM b.inoculated_on) BETWEEN 9 AND 11 THEN 'autumn'
           ELSE 'winter' END AS season,
      COUNT(*), SUM(b.bags), SUM(COALESCE(h.fresh, 0)),
      AVG(COALESCE(h.fresh, 0) / b.bags),
      AVG(COALESCE(h.fresh, 0) / (b.dry_substrate_kg_per_bag * b.bags) * 100),
      SUM(b.bags_contaminated) * 100.0 / SUM(b.bags),
      AVG(COALESCE(h.flushes, 0)),
      AVG(h.first - b.inoculated_on)
    FROM batch b LEFT JOIN (
      SELECT batch_id, SUM(fresh_kg) AS fresh, COUNT(DISTINCT flush) AS flushes, MIN(harvested_on) AS first
      FROM harvest GROUP BY batch_id) h ON h.batch_id = b.id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

    """
}
