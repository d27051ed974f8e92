/// Printable advice sheets (being built; see issue 6).
public enum Sheets {}
