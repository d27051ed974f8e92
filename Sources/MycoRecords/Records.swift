/// Yield records: batches and harvests in SQLite (being built; see issue 5).
public enum Records {}
