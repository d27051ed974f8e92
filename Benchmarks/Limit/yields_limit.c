/* The limit for `myco yields import`: the same rows into the same schema, with the raw SQLite C
 * API, one prepared statement per table, one transaction, nothing else (no checks, a minimal
 * CSV splitter for the generated files: no quotes, no embedded commas).
 *
 * usage: yields-limit DB SCHEMA.sql BATCHES.csv HARVESTS.csv
 *   SCHEMA.sql: the schema of a database `myco yields import` wrote (`sqlite3 DB .schema`).
 * Compiled and run by `myco-bench yields` (cc -O2 … -lsqlite3). Same pragmas as Myco's import:
 * WAL, foreign keys on, a 64 MiB page cache. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "yields-limit: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

static char *slurp(const char *path, size_t *size) {
  FILE *file = fopen(path, "rb");
  if (!file) { fprintf(stderr, "yields-limit: cannot open %s\n", path); exit(1); }
  fseek(file, 0, SEEK_END);
  long length = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *text = malloc((size_t)length + 1);
  if (!text || fread(text, 1, (size_t)length, file) != (size_t)length) { fprintf(stderr, "yields-limit: cannot read %s\n", path); exit(1); }
  text[length] = 0;
  fclose(file);
  *size = (size_t)length;
  return text;
}

/* Splits the line at `*cursor` into at most `max` fields (start, length); returns the count,
 * or -1 at the end of the text. */
static int fields(char **cursor, char *end, const char **start, int *length, int max) {
  char *p = *cursor;
  if (p >= end) return -1;
  int count = 0;
  const char *field = p;
  for (;; p++) {
    if (p == end || *p == '\n' || *p == ',') {
      if (count < max) { start[count] = field; length[count] = (int)(p - field); }
      count++;
      if (p == end || *p == '\n') break;
      field = p + 1;
    }
  }
  *cursor = p < end ? p + 1 : p;
  return count;
}

static void text(sqlite3_stmt *s, int index, const char *value, int length) {
  sqlite3_bind_text(s, index, value, length, SQLITE_STATIC);
}

static void real_or_null(sqlite3_stmt *s, int index, const char *value, int length) {
  if (length == 0) sqlite3_bind_null(s, index);
  else sqlite3_bind_double(s, index, strtod(value, NULL));
}

static void step(sqlite3 *db, sqlite3_stmt *s) {
  if (sqlite3_step(s) != SQLITE_DONE) fail(db, "insert");
  sqlite3_reset(s);
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: yields-limit DB SCHEMA.sql BATCHES.csv HARVESTS.csv\n"); return 64; }
  sqlite3 *db;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) fail(db, "open");
  size_t size;
  char *schema = slurp(argv[2], &size);
  if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;", 0, 0, 0)
      != SQLITE_OK) fail(db, "pragmas");
  if (sqlite3_exec(db, schema, 0, 0, 0) != SQLITE_OK) fail(db, "schema");
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0) != SQLITE_OK) fail(db, "begin");

  sqlite3_stmt *batch, *harvest;
  if (sqlite3_prepare_v2(db,
        "INSERT INTO batch (id, grower, place, elevation_m, variety, strain, substrate, bag_width_cm, bag_length_cm,"
        " dry_substrate_kg_per_bag, bags, inoculated_on, facility, bags_contaminated, advice_rules, kb_version, notes)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", -1, &batch, 0)
      != SQLITE_OK) fail(db, "prepare batch");
  if (sqlite3_prepare_v2(db,
        "INSERT INTO harvest (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &harvest, 0) != SQLITE_OK) fail(db, "prepare harvest");

  const char *f[16];
  int n[16];
  char *batches = slurp(argv[3], &size), *cursor = batches, *end = batches + size;
  fields(&cursor, end, f, n, 16); /* header */
  int count;
  while ((count = fields(&cursor, end, f, n, 16)) >= 0) {
    if (count == 1 && n[0] == 0) continue;
    if (count != 16) { fprintf(stderr, "yields-limit: a batch row has %d fields\n", count); return 1; }
    /* batch_id,grower,place,elevation_m,variety,strain,substrate,bag_size,dry_substrate_kg_per_bag,bags,
       inoculated_on,facility,bags_contaminated,advice_rules,kb_version,notes */
    text(batch, 1, f[0], n[0]);
    text(batch, 2, f[1], n[1]);
    text(batch, 3, f[2], n[2]);
    real_or_null(batch, 4, f[3], n[3]);
    text(batch, 5, f[4], n[4]);
    text(batch, 6, f[5], n[5]);
    text(batch, 7, f[6], n[6]);
    char *times;
    sqlite3_bind_double(batch, 8, strtod(f[7], &times));
    sqlite3_bind_double(batch, 9, strtod(times + 1, NULL));
    sqlite3_bind_double(batch, 10, strtod(f[8], NULL));
    sqlite3_bind_int64(batch, 11, strtoll(f[9], NULL, 10));
    text(batch, 12, f[10], n[10]);
    text(batch, 13, f[11], n[11]);
    sqlite3_bind_int64(batch, 14, n[12] ? strtoll(f[12], NULL, 10) : 0);
    text(batch, 15, f[13], n[13]);
    text(batch, 16, f[14], n[14]);
    text(batch, 17, f[15], n[15]);
    step(db, batch);
  }

  char *harvests = slurp(argv[4], &size);
  cursor = harvests;
  end = harvests + size;
  fields(&cursor, end, f, n, 6); /* header */
  while ((count = fields(&cursor, end, f, n, 6)) >= 0) {
    if (count == 1 && n[0] == 0) continue;
    if (count != 6) { fprintf(stderr, "yields-limit: a harvest row has %d fields\n", count); return 1; }
    text(harvest, 1, f[0], n[0]);
    text(harvest, 2, f[1], n[1]);
    sqlite3_bind_int64(harvest, 3, strtoll(f[2], NULL, 10));
    sqlite3_bind_double(harvest, 4, strtod(f[3], NULL));
    text(harvest, 5, f[4], n[4]);
    real_or_null(harvest, 6, f[5], n[5]);
    step(db, harvest);
  }
  sqlite3_finalize(batch);
  sqlite3_finalize(harvest);
  if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) fail(db, "commit");
  if (sqlite3_close(db) != SQLITE_OK) fail(db, "close");
  return 0;
}
