/// Byte-level CSV reading with typed columns and precise error locations.
public enum Ingest {}
